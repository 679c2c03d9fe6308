using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Rules may not depend on themselves, directly or through other rules, as in OPA: a ref to a document depends on
/// every rule within it. Reported as OPA reports it, with the cycle.
/// </summary>
internal static class RecursionCheck
{
    public static void Check(RuleTree root)
    {
        var ruleNodes = new List<RuleTree>();
        Collect(root, ruleNodes);
        var edges = ruleNodes.ToDictionary(n => n, n => Dependencies(root, n).ToHashSet());
        var state = new Dictionary<RuleTree, int>();
        var stack = new List<RuleTree>();
        foreach (var node in ruleNodes)
        {
            Visit(node, edges, state, stack);
        }
    }

    private static void Visit(RuleTree node, Dictionary<RuleTree, HashSet<RuleTree>> edges, Dictionary<RuleTree, int> state, List<RuleTree> stack)
    {
        if (state.GetValueOrDefault(node) == 2)
        {
            return;
        }

        if (state.GetValueOrDefault(node) == 1)
        {
            var cycle = stack.Skip(stack.IndexOf(node)).Append(node).Select(Name);
            var rule = node.Rules.Concat(node.Defaults).First();
            throw new RegoException(ErrorCodes.RecursionError, $"rule {Name(node)} is recursive: {string.Join(" -> ", cycle)}", rule.Location);
        }

        state[node] = 1;
        stack.Add(node);
        foreach (var next in edges[node])
        {
            Visit(next, edges, state, stack);
        }

        stack.RemoveAt(stack.Count - 1);
        state[node] = 2;
    }

    private static string Name(RuleTree node) => "data." + string.Join('.', node.Path);

    private static void Collect(RuleTree node, List<RuleTree> into)
    {
        if (node.HasRules)
        {
            into.Add(node);
        }

        foreach (var child in node.Children.Values)
        {
            Collect(child, into);
        }
    }

    private static IEnumerable<RuleTree> Dependencies(RuleTree root, RuleTree node)
    {
        var targets = new List<RuleTree>();
        foreach (var rule in node.Rules.Concat(node.Defaults))
        {
            for (var current = rule; current is not null; current = current.Else)
            {
                var terms = new List<Term>(current.KeyPath);
                terms.AddRange(new[] { current.Key, current.Value }.OfType<Term>());
                foreach (var term in terms)
                {
                    TermRewriter.Term(term, t => Note(root, t, targets));
                }

                TermRewriter.Body(current.Body, t => Note(root, t, targets));
            }
        }

        return targets.SelectMany(RulesWithin);
    }

    private static Term Note(RuleTree root, Term term, List<RuleTree> targets)
    {
        var reference = term switch
        {
            RefTerm { HeadName: "data" } r => r,
            CallTerm { Operator.HeadName: "data" } c => c.Operator,
            _ => null,
        };
        if (reference is null)
        {
            return term;
        }

        // The deepest node the ref's ground prefix reaches: the ref may read anything within it. A path that leaves
        // the tree reads base data only.
        var node = root;
        foreach (var segment in reference.Path)
        {
            var key = segment switch
            {
                ScalarTerm { Value: StringValue s } => s.Value,
                ScalarTerm { Value: NumberValue n } => n.Text,
                _ => null,
            };
            if (key is null)
            {
                break;
            }

            if (!node.Children.TryGetValue(key, out var child))
            {
                return term;
            }

            node = child;
            if (node.HasRules)
            {
                break;
            }
        }

        targets.Add(node);
        return term;
    }

    private static IEnumerable<RuleTree> RulesWithin(RuleTree node) =>
        (node.HasRules ? [node] : Enumerable.Empty<RuleTree>()).Concat(node.Children.Values.SelectMany(RulesWithin));
}
