using Palisade.Rego.Ast;
using Palisade.Rego.Errors;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Rules that cannot define one document together, reported before evaluation with OPA's wording: a rule whose ref
/// has no variables owns everything below it, so other rules there conflict with it; the rules at one path must agree
/// on kind and arity and not mix whole values with entries; at most one default; and no package may live inside a rule.
/// Conflicts within the variable part of a ref can only show up at evaluation.
/// </summary>
internal static class RuleConflicts
{
    public static void Check(RuleTree root, IReadOnlyList<Module> modules)
    {
        var packageOf = new Dictionary<Rule, Package>(ReferenceEqualityComparer.Instance);
        foreach (var module in modules)
        {
            foreach (var rule in module.Rules)
            {
                packageOf[rule] = module.Package;
            }
        }

        CheckNode(root, packageOf);
        CheckPackagesInsideRules(root, modules, packageOf);
    }

    private static void CheckNode(RuleTree node, Dictionary<Rule, Package> packageOf)
    {
        if (node.HasRules)
        {
            // OPA lists a path's rules by module name, then position, and names the path after the last of them.
            var rules = node.Rules.Concat(node.Defaults)
                .OrderBy(r => r.Location.File, StringComparer.Ordinal)
                .ThenBy(r => r.Location.Offset)
                .ToList();
            var name = RegoPrinter.Print(rules[^1].Ref);

            if (node.Children.Count > 0 && rules.Any(r => r.KeyPath.Count == 0) && RefsBelow(node) is { Count: > 0 } below)
            {
                var listed = string.Join(' ', below.Select(RegoPrinter.Print));
                throw new RegoException(ErrorCodes.TypeError, $"rule {name} conflicts with [{listed}]", rules[0].Location);
            }

            var complete = rules.Count(r => r.Shape != RuleShape.MultiValue && r.KeyPath.Count == 0);
            if (rules.Select(r => r.Shape == RuleShape.MultiValue).Distinct().Count() > 1
                || rules.Select(r => r.Arguments?.Count ?? 0).Distinct().Count() > 1
                || (complete > 0 && complete < rules.Count))
            {
                throw new RegoException(ErrorCodes.TypeError, $"conflicting rules {name} found", rules[0].Location);
            }

            var defaults = rules.Where(r => r.IsDefault).ToList();
            if (defaults.Count > 1)
            {
                var locations = string.Join(", ", defaults.Select(r => r.Location.ToString()));
                throw new RegoException(ErrorCodes.TypeError, $"multiple default rules {name} found at {locations}", packageOf[defaults[0].Source].Location);
            }
        }

        foreach (var child in node.Children.Values)
        {
            CheckNode(child, packageOf);
        }
    }

    /// <summary>The refs of the rules below a node, each only when no shorter one listed is its prefix, in OPA's order.</summary>
    private static List<RefTerm> RefsBelow(RuleTree node)
    {
        var refs = new List<RefTerm>();
        foreach (var rule in node.Children.Values.SelectMany(RulesWithin))
        {
            var candidate = rule.Ref;
            if (refs.Any(r => IsPrefix(r, candidate)))
            {
                continue;
            }

            refs.RemoveAll(r => IsPrefix(candidate, r));
            refs.Add(candidate);
        }

        refs.Sort(CompareRefs);
        return refs;
    }

    private static IEnumerable<CompiledRule> RulesWithin(RuleTree node) =>
        node.Rules.Concat(node.Defaults).Concat(node.Children.Values.SelectMany(RulesWithin));

    private static bool IsPrefix(RefTerm prefix, RefTerm reference) =>
        prefix.Path.Count <= reference.Path.Count
        && prefix.Path.Select((term, i) => CompareTerms(term, reference.Path[i]) == 0).All(same => same);

    private static int CompareRefs(RefTerm a, RefTerm b)
    {
        for (var i = 0; i < Math.Min(a.Path.Count, b.Path.Count); i++)
        {
            var order = CompareTerms(a.Path[i], b.Path[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Path.Count.CompareTo(b.Path.Count);
    }

    /// <summary>OPA's order of terms in a ref: scalars by value, then variables, then anything else.</summary>
    private static int CompareTerms(Term a, Term b) => (a, b) switch
    {
        (ScalarTerm x, ScalarTerm y) => x.Value.CompareTo(y.Value),
        (ScalarTerm, _) => -1,
        (_, ScalarTerm) => 1,
        (VarTerm x, VarTerm y) => string.CompareOrdinal(x.Name, y.Name),
        (VarTerm, _) => -1,
        (_, VarTerm) => 1,
        _ => string.CompareOrdinal(RegoPrinter.Print(a), RegoPrinter.Print(b)),
    };

    /// <summary>
    /// A package declared at the path of a rule whose ref has no variables would put documents inside that rule's value.
    /// </summary>
    private static void CheckPackagesInsideRules(RuleTree node, IReadOnlyList<Module> modules, Dictionary<Rule, Package> packageOf)
    {
        if (node.IsPackage && node.HasRules)
        {
            var path = node.Path;
            var inside = modules.First(m => m.Package.Path.Path.Select(t => t is ScalarTerm s && s.IsString(out var text) ? text : null).SequenceEqual(path));
            foreach (var rule in node.Rules.Concat(node.Defaults).Where(r => r.KeyPath.Count == 0))
            {
                var message = $"{RegoPrinter.Print(inside.Package)} conflicts with rule {RegoPrinter.Print(rule.Source.Head.Reference)} defined at {rule.Location}";
                throw new RegoException(ErrorCodes.TypeError, message, packageOf[rule.Source].Location);
            }
        }

        foreach (var child in node.Children.Values)
        {
            CheckPackagesInsideRules(child, modules, packageOf);
        }
    }
}
