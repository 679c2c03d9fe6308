using Palisade.Rego.Ast;
using Palisade.Rego.Parsing;

namespace Palisade.Rego.Tests.Parsing;

/// <summary>Real-world v0 policies: Kubescape's rule library and Gatekeeper's ConstraintTemplates all parse in v0 mode.</summary>
public sealed class PolicyLibraryParseTests
{
    private static readonly ParserOptions V0 = new() { DefaultVersion = RegoVersion.V0 };

    [Fact]
    public void EveryKubescapeRuleParsesAsV0()
    {
        var root = Path.Combine(SharedData.Root, "kubescape-regolibrary", "rules");
        var failures = new List<string>();
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.rego", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            count++;
            Check(File.ReadAllText(file), V0 with { FileName = Path.GetRelativePath(root, file) }, failures);
        }

        Report("kubescape .rego files", count, failures);
    }

    [Fact]
    public void EveryGatekeeperTemplateParsesAsV0()
    {
        var failures = new List<string>();
        var unreadable = new List<string>();
        var count = 0;
        foreach (var target in GatekeeperTemplates.Targets(unreadable))
        {
            count++;
            Check(target.Rego, V0 with { FileName = target.Name }, failures);
            foreach (var lib in target.Libs)
            {
                count++;
                Check(lib, V0 with { FileName = target.Name + " (lib)" }, failures);
            }
        }

        foreach (var file in unreadable)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("YAML unreadable by YamlDotNet, Rego read by indentation: " + file);
        }

        Report("gatekeeper rego and libs sources", count, failures);
    }

    private static void Check(string source, ParserOptions options, List<string> failures)
    {
        try
        {
            if (RoundTrip.CheckModule(RegoParser.ParseModule(source, options)) is { } problem)
            {
                failures.Add($"{options.FileName}: round trip: {problem}");
            }
        }
        catch (RegoParseException e)
        {
            failures.Add(e.Message);
        }
    }

    private static void Report(string what, int count, List<string> failures)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: {count}, parsed {count - failures.Count}, failed {failures.Count}");
        foreach (var failure in failures)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(failure);
        }

        Assert.True(count > 0, $"no {what} found");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(30)));
    }
}
