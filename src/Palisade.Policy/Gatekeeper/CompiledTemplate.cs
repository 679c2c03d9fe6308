using System.Collections.Concurrent;
using Palisade.Rego;
using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;

namespace Palisade.Policy.Gatekeeper;

/// <summary>
/// A template's Rego, parsed and checked as Gatekeeper checks it (a <c>violation</c> rule in the template's package;
/// libs under <c>package lib…</c>). Each template is compiled apart from every other, with only its libs and the
/// inventory beside it, which is the isolation Gatekeeper gets by placing modules under <c>data.templates</c>.
/// </summary>
public sealed class CompiledTemplate
{
    private readonly IReadOnlyList<Module> _modules;
    private readonly ConcurrentDictionary<Inventory, PreparedQuery> _prepared = new(ReferenceEqualityComparer.Instance);

    private CompiledTemplate(ConstraintTemplate template, IReadOnlyList<Module> modules, string query)
    {
        Template = template;
        _modules = modules;
        ViolationQuery = query;
    }

    public ConstraintTemplate Template { get; }

    /// <summary>The query for the template's violations, e.g. <c>data.k8srequiredlabels.violation</c>.</summary>
    public string ViolationQuery { get; }

    /// <summary>Parses and compiles the template; Rego errors become <see cref="GatekeeperException"/>s naming the template.</summary>
    public static CompiledTemplate Compile(ConstraintTemplate template)
    {
        var modules = new List<Module>();
        try
        {
            var main = Parse(template, template.Source + "#rego", template.Rego);
            modules.Add(main);
            for (var i = 0; i < template.Libs.Count; i++)
            {
                var lib = Parse(template, $"{template.Source}#libs[{i}]", template.Libs[i]);
                var package = PackageName(lib);
                if (!package.StartsWith("data.lib.", StringComparison.Ordinal) && package != "data.lib")
                {
                    throw new GatekeeperException($"{template.Source}: template {template.Kind}: lib {i} has package {package[5..]}, which is not under lib");
                }

                modules.Add(lib);
            }

            if (!main.Rules.Any(r => r.Head.Reference.HeadName == "violation" && r.Head.Reference.Path.Count == 0))
            {
                throw new GatekeeperException($"{template.Source}: template {template.Kind}: missing required rules: [violation]");
            }

            var compiled = new CompiledTemplate(template, modules, PackageName(main) + ".violation");
            compiled.Prepare(Inventory.Empty);
            return compiled;
        }
        catch (RegoException ex)
        {
            throw new GatekeeperException($"template {template.Kind}: {ex}");
        }
    }

    /// <summary>The violation query over this inventory (prepared once per inventory object).</summary>
    public PreparedQuery Prepare(Inventory inventory) => _prepared.GetOrAdd(inventory, inv =>
    {
        var engine = new RegoEngine(new RegoOptions { RegoVersion = Template.RegoVersion });
        foreach (var module in _modules)
        {
            engine.AddModule(module);
        }

        return engine.AddData(inv.Data).Prepare(ViolationQuery);
    });

    private static Module Parse(ConstraintTemplate template, string file, string text)
    {
        try
        {
            return RegoParser.ParseModule(text, ParserOptions.Default with { FileName = file, DefaultVersion = template.RegoVersion });
        }
        catch (RegoParseException ex)
        {
            throw new GatekeeperException($"template {template.Kind}: {ex.Message}");
        }
    }

    private static string PackageName(Module module) =>
        module.Package.Path.DottedName() is { } name
            ? (name.StartsWith("data.", StringComparison.Ordinal) ? name : "data." + name)
            : throw new GatekeeperException($"{module.Location.File}: package {module.Package.Path} cannot be queried by name");
}
