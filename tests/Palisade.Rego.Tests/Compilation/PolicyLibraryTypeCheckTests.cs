using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;
using Palisade.Rego.Tests.Parsing;

namespace Palisade.Rego.Tests.Compilation;

/// <summary>
/// Real-world policies that OPA accepts: the type checker must not reject any of them. Each Kubescape rule (with the
/// utility modules it imports) and each Gatekeeper template (with its libs) is compiled; the compile may fail for other
/// reasons (a library function Palisade lacks), but never with one of the type checker's errors.
/// </summary>
public sealed class PolicyLibraryTypeCheckTests
{
    private static readonly ParserOptions V0 = new() { DefaultVersion = RegoVersion.V0 };

    [Fact]
    public void NoKubescapeRuleHasATypeError()
    {
        var root = Path.Combine(SharedData.Root, "kubescape-regolibrary");
        var dependencies = Directory.EnumerateFiles(Path.Combine(root, "opa-utils-dependencies"), "*.rego").Order(StringComparer.Ordinal)
            .Select(f => RegoParser.ParseModule(File.ReadAllText(f), V0 with { FileName = Path.GetFileName(f) }))
            .ToList();
        var rejected = new List<string>();
        var compiled = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "rules"), "*.rego", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, file);
            compiled += Compile([RegoParser.ParseModule(File.ReadAllText(file), V0 with { FileName = name }), .. dependencies], name, rejected);
        }

        Report(compiled, rejected);
    }

    [Fact]
    public void NoGatekeeperTemplateHasATypeError()
    {
        var root = Path.Combine(SharedData.Root, "gatekeeper-library", "library");
        var rejected = new List<string>();
        var compiled = 0;
        foreach (var file in Directory.EnumerateFiles(root, "template.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, file);
            IEnumerable<YamlDotNet.RepresentationModel.YamlDocument> documents;
            try
            {
                documents = YamlNodes.Load(file);
            }
            catch (YamlDotNet.Core.YamlException)
            {
                continue; // a few templates only Kubernetes' YAML reader reads; the parse tests cover them
            }

            foreach (var target in documents.SelectMany(d => d.RootNode.Get("spec")?.Get("targets").Items() ?? []))
            {
                if (target.Get("rego").Text() is not { } rego)
                {
                    continue;
                }

                var sources = new[] { rego }.Concat(target.Get("libs").Items().Select(l => l.Text() ?? string.Empty));
                compiled += Compile(sources.Select(s => RegoParser.ParseModule(s, V0 with { FileName = name })).ToList(), name, rejected);
            }
        }

        Report(compiled, rejected);
    }

    /// <summary>Compiles modules; 1 when the type checker ran and passed them, 0 when compilation stopped before it.</summary>
    private static int Compile(IReadOnlyList<Module> modules, string name, List<string> rejected)
    {
        var engine = new RegoEngine(new RegoOptions { RegoVersion = RegoVersion.V0 });
        foreach (var module in modules)
        {
            engine.AddModule(module);
        }

        try
        {
            engine.Prepare("true");
            return 1;
        }
        catch (RegoException e) when (e.All.Any(IsTypeCheckError))
        {
            rejected.Add($"{name}: {e}");
        }
        catch (RegoException)
        {
            // Stopped before the type check (e.g. a builtin Palisade does not have): nothing to judge.
        }

        return 0;
    }

    private static bool IsTypeCheckError(RegoException e) =>
        e.Message.Contains("invalid argument(s)", StringComparison.Ordinal)
        || e.Message.StartsWith("undefined ref", StringComparison.Ordinal)
        || e.Message.StartsWith("match error", StringComparison.Ordinal);

    private static void Report(int compiled, List<string> rejected)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"compiled {compiled}, rejected by the type checker {rejected.Count}");
        rejected.ForEach(r => TestContext.Current.TestOutputHelper?.WriteLine(r));
        Assert.True(compiled > 0, "nothing compiled");
        Assert.True(rejected.Count == 0, string.Join('\n', rejected.Take(20)));
    }
}
