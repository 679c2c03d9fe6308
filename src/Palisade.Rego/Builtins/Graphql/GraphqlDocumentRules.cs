namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Rules over the document as a whole: a lone anonymous operation, unique operation and fragment names, fragments that
/// exist, are used, and do not spread themselves.
/// </summary>
internal static class GraphqlDocumentRules
{
    public static void Check(GraphqlQueryDocument query)
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

        var fragments = new Dictionary<string, GraphqlFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in query.Fragments)
        {
            if (!fragments.TryAdd(fragment.Name, fragment))
            {
                throw new GraphqlSyntaxException($"There can be only one fragment named \"{fragment.Name}\".", fragment.Position);
            }
        }

        foreach (var spread in query.Operations.SelectMany(o => Spreads(o.SelectionSet)).Concat(query.Fragments.SelectMany(f => Spreads(f.SelectionSet))))
        {
            if (!fragments.ContainsKey(spread.Name))
            {
                throw new GraphqlSyntaxException($"Unknown fragment \"{spread.Name}\".", spread.Position);
            }
        }

        foreach (var fragment in query.Fragments)
        {
            CheckCycles(fragment, fragments);
        }

        var used = query.Operations.SelectMany(o => ReachableFragments(query, o.SelectionSet)).ToHashSet(StringComparer.Ordinal);
        foreach (var fragment in query.Fragments)
        {
            if (!used.Contains(fragment.Name))
            {
                throw new GraphqlSyntaxException($"Fragment \"{fragment.Name}\" is never used.", fragment.Position);
            }
        }
    }

    /// <summary>The names of the fragments spread from <paramref name="selections"/>, directly or through other fragments.</summary>
    public static HashSet<string> ReachableFragments(GraphqlQueryDocument query, List<GraphqlSelection> selections)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Spreads(selections).Select(s => s.Name));
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name))
            {
                continue;
            }

            foreach (var fragment in query.Fragments.Where(f => f.Name == name))
            {
                foreach (var spread in Spreads(fragment.SelectionSet))
                {
                    pending.Push(spread.Name);
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

    /// <summary>A fragment may not reach itself through spreads: that would expand forever.</summary>
    private static void CheckCycles(GraphqlFragmentDefinition start, Dictionary<string, GraphqlFragmentDefinition> fragments)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Name, string Path)>();
        foreach (var spread in Spreads(start.SelectionSet))
        {
            pending.Push((spread.Name, ""));
        }

        while (pending.TryPop(out var item))
        {
            if (item.Name == start.Name)
            {
                var via = item.Path.Length > 0 ? $" via {item.Path}" : "";
                throw new GraphqlSyntaxException($"Cannot spread fragment \"{start.Name}\" within itself{via}.", start.Position);
            }

            if (!visited.Add(item.Name) || !fragments.TryGetValue(item.Name, out var fragment))
            {
                continue;
            }

            var path = item.Path.Length > 0 ? $"{item.Path}, {item.Name}" : item.Name;
            foreach (var spread in Spreads(fragment.SelectionSet))
            {
                pending.Push((spread.Name, path));
            }
        }
    }
}
