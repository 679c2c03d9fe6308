using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Rules may not depend on themselves, directly or through other rules, as in OPA: a ref depends on the rules at the
/// nodes it can pass through and on every rule within the document it ends at. Reported as OPA reports it, with the cycle.
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

    /// <summary>
    /// Depth-first from <paramref name="start"/>, with an explicit stack: a chain of thousands of rules, each reading the
    /// next, is a valid policy and must not overflow the thread's stack.
    /// </summary>
    private static void Visit(RuleTree start, Dictionary<RuleTree, HashSet<RuleTree>> edges, Dictionary<RuleTree, int> state, List<RuleTree> path)
    {
        if (state.GetValueOrDefault(start) == 2)
        {
            return;
        }

        var pending = new Stack<HashSet<RuleTree>.Enumerator>();
        Enter(start);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!next.MoveNext())
            {
                var done = path[^1];
                path.RemoveAt(path.Count - 1);
                state[done] = 2;
                continue;
            }

            var node = next.Current;
            pending.Push(next);
            switch (state.GetValueOrDefault(node))
            {
                case 2:
                    break;
                case 1:
                    var cycle = path.Skip(path.IndexOf(node)).Append(node).Select(Name);
                    var rule = node.Rules.Concat(node.Defaults).First();
                    throw new RegoException(ErrorCodes.RecursionError, $"rule {Name(node)} is recursive: {string.Join(" -> ", cycle)}", rule.Location);
                default:
                    Enter(node);
                    break;
            }
        }

        void Enter(RuleTree node)
        {
            state[node] = 1;
            path.Add(node);
            pending.Push(edges[node].GetEnumerator());
        }
    }

    /// <summary>A node named as OPA names a rule in a cycle: by its ref as written, variables included.</summary>
    private static string Name(RuleTree node) => RegoPrinter.Print(node.Rules.Concat(node.Defaults).First().Ref);

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
        var targets = new HashSet<RuleTree>();
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

        return targets;
    }

    private static Term Note(RuleTree root, Term term, HashSet<RuleTree> targets)
    {
        var reference = term switch
        {
            RefTerm { HeadName: "data" } r => r,
            CallTerm { Operator.HeadName: "data" } c => c.Operator,
            _ => null,
        };
        if (reference is not null)
        {
            Reach(root, reference.Path, 0, targets);
        }

        return term;
    }

    /// <summary>
    /// The rules a ref may read, as OPA's dependency graph finds them: a constant step goes to the child it names (a
    /// ref that leaves the tree reads base data only), a variable step to every child; the rules at each node passed
    /// count, and where the ref ends, every rule within.
    /// </summary>
    private static void Reach(RuleTree node, IReadOnlyList<Term> path, int index, HashSet<RuleTree> targets)
    {
        if (index == path.Count)
        {
            targets.UnionWith(RulesWithin(node));
            return;
        }

        IEnumerable<RuleTree> next = IsConstant(path[index])
            ? path[index] is ScalarTerm { Value: StringValue key } && node.Children.TryGetValue(key.Value, out var child) ? [child] : []
            : node.Children.Values;
        foreach (var step in next)
        {
            if (step.HasRules)
            {
                targets.Add(step);
            }

            Reach(step, path, index + 1, targets);
        }
    }

    /// <summary>A term with no variables, refs or calls in it: it names one key.</summary>
    private static bool IsConstant(Term term) => term switch
    {
        ScalarTerm => true,
        ArrayTerm a => a.Items.All(IsConstant),
        SetTerm s => s.Items.All(IsConstant),
        ObjectTerm o => o.Items.All(i => IsConstant(i.Key) && IsConstant(i.Value)),
        _ => false,
    };

    private static IEnumerable<RuleTree> RulesWithin(RuleTree node) =>
        (node.HasRules ? [node] : Enumerable.Empty<RuleTree>()).Concat(node.Children.Values.SelectMany(RulesWithin));
}
