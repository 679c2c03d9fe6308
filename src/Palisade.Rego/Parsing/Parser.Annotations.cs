using Palisade.Rego.Ast;

namespace Palisade.Rego.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// Reads the module's metadata blocks and attaches each to the first statement (package, import or rule) below
    /// it, as OPA does: a block without a scope takes <c>package</c> before a package and <c>rule</c> before a rule
    /// (<c>document</c> when it declares an entrypoint); a scope that does not fit what follows is an error.
    /// </summary>
    private (Package Package, List<Rule> Rules, Annotations[] Annotations) AttachAnnotations(
        Package package, IReadOnlyList<Import> imports, List<Rule> rules, Comment[] comments)
    {
        var blocks = MetadataBlocks.Find(comments);
        if (blocks.Count == 0)
        {
            return (package, rules, []);
        }

        var read = new List<Annotations>();
        foreach (var block in blocks)
        {
            var (annotations, error) = AnnotationReader.Read(block);
            if (error is not null)
            {
                _errors.Add(error);
            }
            else
            {
                read.Add(annotations!);
            }
        }

        ThrowCollected();
        var statements = new List<(int Line, Node Node)> { (package.Location.Line, package) };
        statements.AddRange(imports.Select(i => (i.Location.Line, (Node)i)));
        statements.AddRange(rules.Select(r => (r.Location.Line, (Node)r)));
        statements.Sort((a, b) => a.Line.CompareTo(b.Line));

        var attached = new Annotations[read.Count];
        var targets = new Node?[read.Count];
        for (var i = 0; i < read.Count; i++)
        {
            var annotations = read[i];
            var target = statements.FirstOrDefault(s => s.Line > annotations.Location.Line).Node;
            if (annotations.Scope.Length == 0)
            {
                annotations = annotations with { Scope = DefaultScope(annotations, target) };
            }

            ValidateAttachment(annotations, target);
            attached[i] = annotations;
            targets[i] = target;
        }

        ThrowCollected();
        var attachedPackage = package with { Annotations = [.. attached.Where((_, i) => ReferenceEquals(targets[i], package))] };
        var attachedRules = rules.Select(rule => rule with { Annotations = [.. attached.Where((_, i) => ReferenceEquals(targets[i], rule))] }).ToList();
        return (attachedPackage, attachedRules, attached);
    }

    private static string DefaultScope(Annotations annotations, Node? target) => target switch
    {
        Rule => annotations.Entrypoint ? AnnotationScopes.Document : AnnotationScopes.Rule,
        Package => AnnotationScopes.Package,
        // Not a scope: named so that the error below says what the block was attached to.
        Import => "import",
        _ => string.Empty,
    };

    private void ValidateAttachment(Annotations annotations, Node? target)
    {
        var scope = annotations.Scope;
        switch (scope)
        {
            case AnnotationScopes.Rule or AnnotationScopes.Document when target is not Rule:
                Report(annotations.Location, ScopeMismatch(scope, "rule", target));
                break;
            case AnnotationScopes.Package or AnnotationScopes.Subpackages when target is not Package:
                Report(annotations.Location, ScopeMismatch(scope, "package", target));
                break;
            case AnnotationScopes.Rule or AnnotationScopes.Document or AnnotationScopes.Package or AnnotationScopes.Subpackages:
                break;
            default:
                Report(annotations.Location, $"invalid annotation scope '{scope}'. Use one of 'rule', 'document', 'package', or 'subpackages'");
                break;
        }

        if (annotations.Entrypoint && scope is not (AnnotationScopes.Document or AnnotationScopes.Package))
        {
            Report(annotations.Location, $"annotation entrypoint applied to non-document or package scope '{scope}'");
        }
    }

    private static string ScopeMismatch(string scope, string wanted, Node? target)
    {
        var have = target switch
        {
            Rule => " (have rule)",
            Package => " (have package)",
            Import => " (have import)",
            _ => string.Empty,
        };
        return $"annotation scope '{scope}' must be applied to {wanted}{have}";
    }
}
