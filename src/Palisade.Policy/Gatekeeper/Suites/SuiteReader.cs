using System.Globalization;
using System.Text.RegularExpressions;
using Palisade.Kube.Manifests;
using Palisade.Policy.Loading;
using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper.Suites;

/// <summary>Finds and reads gator suite files.</summary>
public static class SuiteReader
{
    public const string SuiteFileName = "suite.yaml";

    /// <summary>Suite files: each file as given, and every <c>suite.yaml</c> under each folder, in path order.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(FolderFiles.Under(path).Where(file => Path.GetFileName(file) == SuiteFileName));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new GatekeeperException($"{path}: no such file or folder");
            }
        }

        return files;
    }

    /// <summary>Reads a suite; a file that is not a <c>test.gatekeeper.sh</c> Suite, or a malformed one, is an error.</summary>
    public static Suite Read(string path)
    {
        var documents = new ManifestReader().ReadFile(path).Where(d => d.Root is not null).ToArray();
        if (documents.Length != 1)
        {
            throw new GatekeeperException($"{path}: a suite file holds one document, this one holds {documents.Length}");
        }

        var suite = ManifestValues.ToValue(documents[0].Root);
        var gvk = GroupVersionKind.Parse(suite.GetString("apiVersion"), suite.GetString("kind"));
        if (gvk is not { Group: "test.gatekeeper.sh", Kind: "Suite" })
        {
            throw new GatekeeperException($"{path}: not a gator Suite (want kind Suite, apiVersion test.gatekeeper.sh/v1alpha1)");
        }

        var tests = suite.GetArray("tests").Select((t, i) => ReadTest(t, $"{path}: tests[{i}]")).ToArray();
        return new Suite(path, tests, IsTrue(suite.Get("skip")));
    }

    private static SuiteTest ReadTest(Value test, string where)
    {
        if (test.Get("expansion") is StringValue { Value.Length: > 0 })
        {
            throw new GatekeeperException($"{where}: expansion templates are not supported");
        }

        var name = test.GetString("name") ?? string.Empty;
        var cases = test.GetArray("cases").Select((c, i) => ReadCase(c, $"{where}.cases[{i}]")).ToArray();
        return new SuiteTest(name, RelativePath(test, "template", where), RelativePath(test, "constraint", where), cases, IsTrue(test.Get("skip")));
    }

    private static SuiteCase ReadCase(Value testCase, string where)
    {
        var inventory = testCase.GetArray("inventory").Select(i => i is StringValue s ? Relative(s.Value, where) : throw new GatekeeperException($"{where}: inventory entries are paths")).ToArray();
        var assertions = testCase.GetArray("assertions").Select((a, i) => ReadAssertion(a, $"{where}.assertions[{i}]")).ToArray();
        return new SuiteCase(testCase.GetString("name") ?? string.Empty, RelativePath(testCase, "object", where), inventory, assertions, IsTrue(testCase.Get("skip")));
    }

    private static ViolationAssertion ReadAssertion(Value assertion, string where)
    {
        var violations = assertion.Get("violations") switch
        {
            null or NullValue => ViolationAssertion.Yes,
            StringValue { Value: ViolationAssertion.Yes or ViolationAssertion.No } s => s.Value,
            BooleanValue b => b.Value ? ViolationAssertion.Yes : ViolationAssertion.No,
            NumberValue n when n.TryGetInt32(out var count) && count >= 0 => count.ToString(CultureInfo.InvariantCulture),
            _ => throw new GatekeeperException($"{where}: assertion.violation, if set, must be a nonnegative integer, \"yes\", or \"no\""),
        };
        Regex? message = null;
        if (assertion.GetString("message") is { } pattern)
        {
            try
            {
                message = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw new GatekeeperException($"{where}: invalid message regex {pattern}: {ex.Message}");
            }
        }

        return new ViolationAssertion(violations, message);
    }

    private static string RelativePath(Value holder, string field, string where) =>
        holder.GetString(field) is { Length: > 0 } path ? Relative(path, where) : string.Empty;

    private static string Relative(string path, string where) =>
        Path.IsPathRooted(path) ? throw new GatekeeperException($"{where}: {path} must be relative to the suite file") : path;

    private static bool IsTrue(Value? value) => value is BooleanValue { Value: true };
}
