using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;
using Palisade.Rego.Tests.Parsing;
using Palisade.Rego.Types;

namespace Palisade.Rego.Tests.Compilation;

/// <summary>
/// Real-world v0 policies compile, not just parse: every Kubescape rule with the library modules it imports, and every
/// Gatekeeper ConstraintTemplate with its libs. Most of what this exercises is the safety ordering of bodies.
/// </summary>
public sealed class PolicyLibraryCompileTests
{
    /// <summary>
    /// Functions Kubescape's own runner adds to OPA's builtins. Compiling needs only their names and arities; a call
    /// at evaluation time reports that the host does not provide them.
    /// </summary>
    private static readonly BuiltinRegistry KubescapeBuiltins = new(BuiltinRegistry.Default.Functions.Concat(
    [
        HostOnly("cosign.verify", RegoType.Boolean, RegoType.String, RegoType.String),
        HostOnly("cosign.has_signature", RegoType.Boolean, RegoType.String),
        HostOnly("image.parse_normalized_name", RegoType.String, RegoType.String),
    ]));

    [Fact]
    public void EveryKubescapeRuleCompilesAsV0WithItsLibraries()
    {
        var library = Path.Combine(SharedData.Root, "kubescape-regolibrary", "opa-utils-dependencies");
        var dependencies = Directory.EnumerateFiles(library, "*.rego").Order(StringComparer.Ordinal)
            .Select(file => (Name: Path.GetFileName(file), Text: File.ReadAllText(file)))
            .ToArray();
        var root = Path.Combine(SharedData.Root, "kubescape-regolibrary", "rules");
        var failures = new List<string>();
        var count = 0;
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            // Kubescape evaluates a rule's raw.rego and its filter.rego separately, each with the library modules.
            foreach (var file in new[] { "raw.rego", "filter.rego" }.Select(f => Path.Combine(folder, f)).Where(File.Exists))
            {
                count++;
                var sources = dependencies.Append((Name: Path.GetRelativePath(root, file), Text: File.ReadAllText(file)));
                Check(sources, KubescapeBuiltins, Path.GetRelativePath(root, file), failures);
            }
        }

        Report("kubescape rule files", 337, count, failures);
    }

    [Fact]
    public void EveryGatekeeperTemplateCompilesAsV0WithItsLibs()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var target in GatekeeperTemplates.Targets([]))
        {
            count++;
            var sources = target.Libs.Select((lib, i) => (Name: $"{target.Name} (lib {i})", Text: lib)).Prepend((Name: target.Name, Text: target.Rego));
            Check(sources, BuiltinRegistry.Default, target.Name, failures);
        }

        Report("gatekeeper template targets", 38, count, failures);
    }

    private static BuiltinFunction HostOnly(string name, RegoType result, params RegoType[] arguments) =>
        new(name, FunctionSignature.Of(result, arguments), (_, _) => throw new BuiltinException($"{name} is provided by Kubescape's runner"));

    private static void Check(IEnumerable<(string Name, string Text)> sources, BuiltinRegistry builtins, string what, List<string> failures)
    {
        var engine = new RegoEngine(new RegoOptions { RegoVersion = RegoVersion.V0, Builtins = builtins });
        try
        {
            foreach (var (name, text) in sources)
            {
                engine.AddModule(name, text);
            }

            engine.Prepare("true");
        }
        catch (RegoParseException e)
        {
            failures.Add($"{what}: {e.Message}");
        }
        catch (RegoException e)
        {
            failures.Add($"{what}: {e.Code}: {e.Message} at {e.Location}");
        }
    }

    private static void Report(string what, int expected, int count, List<string> failures)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: {count}, compiled {count - failures.Count}, failed {failures.Count}");
        foreach (var failure in failures)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(failure);
        }

        Assert.Equal(expected, count);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
