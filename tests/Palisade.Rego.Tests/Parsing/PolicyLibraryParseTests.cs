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
        var root = Path.Combine(SharedData.Root, "gatekeeper-library", "library");
        var failures = new List<string>();
        var unreadable = new List<string>();
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(root, "template.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, file);
            IEnumerable<YamlDotNet.RepresentationModel.YamlDocument> documents;
            try
            {
                documents = YamlNodes.Load(file);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                // YamlDotNet rejects a few templates that Kubernetes' YAML reader accepts (in their descriptions):
                // lift the block-literal Rego out of those by indentation instead.
                unreadable.Add($"{name}: {e.Message}");
                foreach (var block in BlockScalars(File.ReadAllLines(file), "rego:"))
                {
                    count++;
                    Check(block, V0 with { FileName = name }, failures);
                }

                continue;
            }

            foreach (var document in documents)
            {
                foreach (var target in document.RootNode.Get("spec")?.Get("targets").Items() ?? [])
                {
                    if (target.Get("rego").Text() is { } rego)
                    {
                        count++;
                        Check(rego, V0 with { FileName = name }, failures);
                    }

                    foreach (var lib in target.Get("libs").Items())
                    {
                        count++;
                        Check(lib.Text() ?? string.Empty, V0 with { FileName = name + " (lib)" }, failures);
                    }
                }
            }
        }

        foreach (var file in unreadable)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("YAML unreadable by YamlDotNet, Rego read by indentation: " + file);
        }

        Report("gatekeeper rego and libs sources", count, failures);
    }

    /// <summary>The bodies of <c>key: |</c> block literals, found by indentation.</summary>
    private static IEnumerable<string> BlockScalars(string[] lines, string key)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (!trimmed.StartsWith(key, StringComparison.Ordinal) || !trimmed.EndsWith('|'))
            {
                continue;
            }

            var indent = lines[i].Length - lines[i].TrimStart().Length;
            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length; j++)
            {
                var line = lines[j];
                if (line.Trim().Length > 0 && line.Length - line.TrimStart().Length <= indent)
                {
                    break;
                }

                body.Add(line);
            }

            var margin = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
            yield return string.Join('\n', body.Select(l => l.Length >= margin ? l[margin..] : l.TrimStart()));
            i = j - 1;
        }
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
