using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>
/// The annotations of all modules compiled together, as OPA's AnnotationSet files them: <c>package</c> scope by
/// package path, and <c>document</c> (by rule path) and <c>subpackages</c> (by package path) in one path-keyed table,
/// so a path holds one of them. Paths are arrays of strings without the leading <c>data</c>. Declaring a scope twice
/// for one path is OPA's "annotation redeclared" type error.
/// </summary>
internal sealed class AnnotationSet
{
    private readonly Dictionary<ArrayValue, Annotations> _packages = [];
    private readonly Dictionary<ArrayValue, Annotations> _paths = [];

    public static AnnotationSet Build(IReadOnlyList<Module> modules)
    {
        var set = new AnnotationSet();
        foreach (var module in modules)
        {
            var packagePath = PackagePath(module);
            foreach (var annotations in module.Package.Annotations)
            {
                Add(annotations, annotations.Scope == AnnotationScopes.Package ? set._packages : set._paths, packagePath);
            }

            foreach (var rule in module.Rules)
            {
                foreach (var annotations in rule.Annotations.Where(a => a.Scope == AnnotationScopes.Document))
                {
                    Add(annotations, set._paths, RulePath(packagePath, rule));
                }
            }
        }

        return set;
    }

    /// <summary>
    /// What <c>rego.metadata.chain()</c> returns in <paramref name="rule"/>: the rule's own blocks, closest first (or
    /// one entry with just the path when it has none), then its document's block, its package's, and the
    /// <c>subpackages</c> blocks from the closest package outward. Each entry is <c>{"path": […], "annotations": {…}}</c>.
    /// </summary>
    public ArrayValue Chain(Rule rule, ArrayValue packagePath)
    {
        var rulePath = RulePath(packagePath, rule);
        var entries = new List<Value>();
        var own = OwnAnnotations(rule);
        if (own.Count == 0)
        {
            entries.Add(ObjectValue.Of(("path", rulePath)));
        }

        entries.AddRange(own.Select(a => Entry(rulePath, a)));
        if (_paths.TryGetValue(rulePath, out var document))
        {
            entries.Add(Entry(rulePath, document));
        }

        if (_packages.TryGetValue(packagePath, out var package))
        {
            entries.Add(Entry(packagePath, package));
        }

        for (var length = packagePath.Count; length > 0; length--)
        {
            var prefix = ArrayValue.Of(packagePath.Items[..length].ToArray());
            if (_paths.TryGetValue(prefix, out var subpackages))
            {
                entries.Add(Entry(prefix, subpackages));
            }
        }

        return ArrayValue.Of(entries);
    }

    /// <summary>What <c>rego.metadata.rule()</c> returns: the rule's own block closest to it, or an empty object.</summary>
    public static ObjectValue RuleMetadata(Rule rule) => OwnAnnotations(rule) is { Count: > 0 } own ? own[0].ToValue() : ObjectValue.Empty;

    public static ArrayValue PackagePath(Module module) =>
        ArrayValue.Of(module.Package.Path.Path.Select(PathElement));

    /// <summary>The package path, the rule's name and the ground scalars of its head ref up to the first variable.</summary>
    public static ArrayValue RulePath(ArrayValue packagePath, Rule rule)
    {
        var path = new List<Value>(packagePath.Items.ToArray()) { StringValue.Of(rule.Head.Name) };
        path.AddRange(rule.Head.Reference.Path.TakeWhile(t => t is ScalarTerm).Select(PathElement));
        return ArrayValue.Of(path);
    }

    /// <summary>A rule's <c>rule</c>-scope blocks, the one written closest to it first.</summary>
    private static List<Annotations> OwnAnnotations(Rule rule) =>
        [.. rule.Annotations.Where(a => a.Scope == AnnotationScopes.Rule).Reverse()];

    /// <summary>OPA's array form of a ref element: strings stay, anything else becomes its text.</summary>
    private static Value PathElement(Term term) => term is ScalarTerm { Value: StringValue s } ? s : StringValue.Of(RegoPrinter.Print(term));

    private static ObjectValue Entry(ArrayValue path, Annotations annotations) =>
        ObjectValue.Of(("path", path), ("annotations", annotations.ToValue()));

    private static void Add(Annotations annotations, Dictionary<ArrayValue, Annotations> table, ArrayValue path)
    {
        if (table.TryGetValue(path, out var existing))
        {
            throw new RegoException(ErrorCodes.TypeError, $"{annotations.Scope} annotation redeclared: {existing.Location}", annotations.Location);
        }

        table[path] = annotations;
    }
}
