namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Rules over the document as a whole: a lone anonymous operation, unique operation and fragment names, fragments that
/// exist, are used, and do not spread themselves. Fragments are indexed once, so the checks stay linear in the
/// document's size however many fragments it has.
/// </summary>
internal sealed class GraphqlDocumentRules
{
    private readonly Dictionary<string, GraphqlFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _spreadsByFragment = new(StringComparer.Ordinal);

    private GraphqlDocumentRules()
    {
    }

    /// <summary>Checks the document-wide rules and returns the fragment index the other rules use.</summary>
    public static GraphqlDocumentRules Check(GraphqlQueryDocument query)
    {
        var operationNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in query.Operations)
        {
            if (operation.Name.Length == 0 && query.Operations.Count > 1)
            {
                throw new GraphqlSyntaxException("This anonymous operation must be the only defined operation.", operation.Position);
            }

            if (operation.Name.Length > 0 && !operationNames.Add(operation.Name))
            {
                throw new GraphqlSyntaxException($"There can be only one operation named \"{operation.Name}\".", operation.Position);
            }
        }

        var rules = new GraphqlDocumentRules();
        foreach (var fragment in query.Fragments)
        {
            if (!rules._fragments.TryAdd(fragment.Name, fragment))
            {
                throw new GraphqlSyntaxException($"There can be only one fragment named \"{fragment.Name}\".", fragment.Position);
            }
        }

        foreach (var spread in query.Operations.SelectMany(o => Spreads(o.SelectionSet)).Concat(query.Fragments.SelectMany(f => Spreads(f.SelectionSet))))
        {
            if (!rules._fragments.ContainsKey(spread.Name))
            {
                throw new GraphqlSyntaxException($"Unknown fragment \"{spread.Name}\".", spread.Position);
            }
        }

        foreach (var fragment in query.Fragments)
        {
            rules._spreadsByFragment[fragment.Name] = Spreads(fragment.SelectionSet).Select(s => s.Name).ToList();
        }

        rules.CheckCycles(query);

        var used = rules.ReachableFragments(query.Operations.SelectMany(o => Spreads(o.SelectionSet)));
        foreach (var fragment in query.Fragments)
        {
            if (!used.Contains(fragment.Name))
            {
                throw new GraphqlSyntaxException($"Fragment \"{fragment.Name}\" is never used.", fragment.Position);
            }
        }

        return rules;
    }

    public GraphqlFragmentDefinition? Fragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>The names of the fragments spread from <paramref name="selections"/>, directly or through other fragments.</summary>
    public HashSet<string> ReachableFragments(List<GraphqlSelection> selections) => ReachableFragments(Spreads(selections));

    private HashSet<string> ReachableFragments(IEnumerable<GraphqlFragmentSpread> spreads)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(spreads.Select(s => s.Name));
        while (pending.TryPop(out var name))
        {
            if (reached.Add(name))
            {
                foreach (var next in _spreadsByFragment.GetValueOrDefault(name) ?? [])
                {
                    pending.Push(next);
                }
            }
        }

        return reached;
    }

    /// <summary>The fragment spreads in a selection set, including those nested in fields and inline fragments.</summary>
    public static IEnumerable<GraphqlFragmentSpread> Spreads(List<GraphqlSelection> selections)
    {
        var pending = new Stack<GraphqlSelection>(selections.AsEnumerable().Reverse());
        while (pending.TryPop(out var selection))
        {
            switch (selection)
            {
                case GraphqlFragmentSpread spread:
                    yield return spread;
                    break;
                case GraphqlField field:
                    PushAll(pending, field.SelectionSet);
                    break;
                case GraphqlInlineFragment inline:
                    PushAll(pending, inline.SelectionSet);
                    break;
            }
        }
    }

    private static void PushAll(Stack<GraphqlSelection> stack, List<GraphqlSelection> selections)
    {
        for (var i = selections.Count - 1; i >= 0; i--)
        {
            stack.Push(selections[i]);
        }
    }

    /// <summary>
    /// No fragment may reach itself through spreads, which would expand forever. One depth-first search over the
    /// spread graph (iterative, so long chains cannot overflow the stack) finds the first cycle in document order.
    /// </summary>
    private void CheckCycles(GraphqlQueryDocument query)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in query.Fragments)
        {
            if (done.Contains(start.Name))
            {
                continue;
            }

            var path = new List<string> { start.Name };
            var onPath = new HashSet<string>(StringComparer.Ordinal) { start.Name };
            var iterators = new Stack<IEnumerator<string>>();
            iterators.Push(_spreadsByFragment[start.Name].GetEnumerator());
            while (iterators.Count > 0)
            {
                var iterator = iterators.Peek();
                if (!iterator.MoveNext())
                {
                    iterators.Pop();
                    done.Add(path[^1]);
                    onPath.Remove(path[^1]);
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                var next = iterator.Current;
                if (onPath.Contains(next))
                {
                    var cycleStart = path.IndexOf(next);
                    var via = path.Count - cycleStart > 1 ? $" via {string.Join(", ", path.Skip(cycleStart + 1))}" : "";
                    throw new GraphqlSyntaxException($"Cannot spread fragment \"{next}\" within itself{via}.", _fragments[next].Position);
                }

                if (done.Contains(next))
                {
                    continue;
                }

                path.Add(next);
                onPath.Add(next);
                iterators.Push(_spreadsByFragment[next].GetEnumerator());
            }
        }
    }
}
