using Palisade.Kube.Manifests;
using Palisade.Policy.Loading;
using Palisade.Rego;
using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Policy.Conftest;

/// <summary>
/// Policies loaded and compiled once for a whole <c>palisade test</c> run, with the namespaces and rules to check.
/// Immutable once loaded; evaluate it from as many threads as you like.
/// </summary>
public sealed class ConftestPolicy
{
    private ConftestPolicy(IReadOnlyList<CheckedNamespace> namespaces, ObjectValue data)
    {
        Namespaces = namespaces;
        Data = data;
    }

    /// <summary>The namespaces checked, in the order their results are reported.</summary>
    public IReadOnlyList<CheckedNamespace> Namespaces { get; }

    /// <summary>The data documents loaded with <c>--data</c>.</summary>
    public ObjectValue Data { get; }

    public static ConftestPolicy Load(ConftestOptions options, ManifestReader? reader = null)
    {
        var loader = new PolicyLoader(reader, options.RegoVersion);
        var modules = LoadModules(options.Policies, options.RegoVersion);
        if (modules.Count == 0)
        {
            throw new ConftestException(null, $"no policies found in [{string.Join(' ', options.Policies)}]");
        }

        if (options.RegoVersion == RegoVersion.V1)
        {
            RejectBooleanRules(modules);
        }

        var data = options.Data.Count == 0 ? ObjectValue.Empty : loader.Load(options.Data).Data;
        var builtins = options.Builtins.With(ConftestBuiltins.Functions(options.FileRoot));
        var engine = new RegoEngine(new RegoOptions { RegoVersion = options.RegoVersion, Strict = options.Strict, Builtins = builtins });
        foreach (var module in modules)
        {
            engine.AddModule(module);
        }

        engine.AddData(data).Compile();
        var selected = SelectNamespaces(options, modules.Select(NamespaceOf).Distinct(StringComparer.Ordinal).ToList());
        return new ConftestPolicy(selected.Select(ns => Namespace(ns, modules, engine)).ToList(), data);
    }

    /// <summary>The package a module declares, without <c>data.</c>: <c>main</c>, <c>main.gke</c>.</summary>
    public static string NamespaceOf(Module module) =>
        string.Join('.', module.Package.Path.Path.Select(t => t is ScalarTerm { Value: StringValue s } ? s.Value : t.ToString()));

    /// <summary>Only .rego files are policies; data comes from <c>--data</c>, as in conftest.</summary>
    private static List<Module> LoadModules(IReadOnlyList<string> paths, RegoVersion version)
    {
        var regoFiles = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                regoFiles.AddRange(FolderFiles.Under(path).Where(f => f.EndsWith(".rego", StringComparison.Ordinal)));
            }
            else if (File.Exists(path))
            {
                regoFiles.Add(path);
            }
            else
            {
                throw new ConftestException(SourceLocation.OfFile(path), "no such policy file or folder");
            }
        }

        return new PolicyLoader(regoVersion: version).Load(regoFiles.Where(f => f.EndsWith(".rego", StringComparison.Ordinal))).Modules.ToList();
    }

    /// <summary>
    /// With Rego v1, <c>deny if { … }</c> is a boolean rule that conftest would silently count as passed; conftest
    /// rejects it (OPA issue 6509), and so does Palisade.
    /// </summary>
    private static void RejectBooleanRules(IEnumerable<Module> modules)
    {
        foreach (var module in modules)
        {
            foreach (var rule in module.Rules)
            {
                var head = rule.Head;
                if (head.Reference.Path.Count == 0 && head.Kind == RuleKind.SingleValue && head.ImplicitValue && RuleNames.IsChecked(head.Name))
                {
                    throw new ConftestException(
                        new SourceLocation(head.Location.File, head.Location.Line, head.Location.Column),
                        $"rule {head.Name} uses 'if' without 'contains': write '{head.Name} contains msg if {{ … }}' so that it produces messages");
                }
            }
        }
    }

    private static List<string> SelectNamespaces(ConftestOptions options, List<string> declared)
    {
        var sorted = declared.Order(StringComparer.Ordinal).ToList();
        if (options.AllNamespaces)
        {
            return sorted;
        }

        var selected = new List<string>();
        foreach (var pattern in options.Namespaces)
        {
            var matches = NamespacePattern.HasWildcards(pattern) ? sorted.Where(ns => NamespacePattern.Matches(pattern, ns)) : [pattern];
            selected.AddRange(matches.Where(ns => !selected.Contains(ns, StringComparer.Ordinal)));
        }

        return selected;
    }

    private static CheckedNamespace Namespace(string name, IReadOnlyList<Module> modules, RegoEngine engine)
    {
        var names = new List<string>();
        var definitions = 0;
        foreach (var module in modules.Where(m => NamespaceOf(m) == name))
        {
            foreach (var rule in module.Rules)
            {
                var ruleName = rule.Head.Reference.Path.Count == 0 ? rule.Head.Name : string.Empty;
                if (!RuleNames.IsChecked(ruleName))
                {
                    continue;
                }

                definitions++;
                if (!names.Contains(ruleName, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(ruleName);
                }
            }
        }

        var rules = names.Select(rule =>
        {
            var query = $"data.{name}.{rule}";
            var exception = $"data.{name}.exception[_][_] == {GoQuoted(RuleNames.ExceptionName(rule))}";
            return new CheckedRule(rule, RuleNames.IsFailure(rule), query, engine.Prepare(query), exception, engine.Prepare(exception));
        }).ToList();
        return new CheckedNamespace(name, rules, definitions);
    }

    /// <summary>Rule names are identifiers, so Go's %q is plain double quotes around them.</summary>
    private static string GoQuoted(string name) => "\"" + name + "\"";
}
