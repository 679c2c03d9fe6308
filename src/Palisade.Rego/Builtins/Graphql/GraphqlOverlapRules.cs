namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// A simplified form of the spec's "fields can be merged" rule: within one selection set (fragments included), fields
/// answering under the same name must be the same field with the same arguments and the same type, unless they sit
/// on different object types and so can never both apply. Sub-selections of merged fields are not compared, and
/// fragments are looked into one level deep (each fragment's own selection set is checked in turn), which keeps the
/// rule linear in the document's size.
/// </summary>
internal sealed class GraphqlOverlapRules(GraphqlSchema schema, Func<string, GraphqlFragmentDefinition?> fragment)
{
    private const string Advice = "Use different aliases on the fields to fetch both if this was intentional.";

    public void Check(GraphqlDefinition parent, List<GraphqlSelection> selections)
    {
        var first = new Dictionary<string, (GraphqlField Field, GraphqlDefinition Parent)>(StringComparer.Ordinal);
        foreach (var (field, owner) in Collect(parent, selections))
        {
            if (!first.TryGetValue(field.Alias.Length > 0 ? field.Alias : field.Name, out var earlier))
            {
                first[field.Alias.Length > 0 ? field.Alias : field.Name] = (field, owner);
                continue;
            }

            // Fields on two different object types never apply to the same object.
            if (earlier.Parent.Name != owner.Name && earlier.Parent.Kind == GraphqlKinds.Object && owner.Kind == GraphqlKinds.Object)
            {
                continue;
            }

            var key = field.Alias.Length > 0 ? field.Alias : field.Name;
            if (earlier.Field.Name != field.Name)
            {
                throw new GraphqlSyntaxException(
                    $"Fields \"{key}\" conflict because {earlier.Field.Name} and {field.Name} are different fields. {Advice}", field.Position);
            }

            if (!SameArguments(earlier.Field.Arguments, field.Arguments))
            {
                throw new GraphqlSyntaxException($"Fields \"{key}\" conflict because they have differing arguments. {Advice}", field.Position);
            }

            if (TypeOf(earlier.Parent, earlier.Field) is { } a && TypeOf(owner, field) is { } b && a.ToString() != b.ToString())
            {
                throw new GraphqlSyntaxException(
                    $"Fields \"{key}\" conflict because they return conflicting types \"{a}\" and \"{b}\". {Advice}", field.Position);
            }
        }
    }

    /// <summary>The fields of a selection set with the type each is selected on, looking into directly spread fragments.</summary>
    private List<(GraphqlField Field, GraphqlDefinition Parent)> Collect(GraphqlDefinition parent, List<GraphqlSelection> selections)
    {
        var result = new List<(GraphqlField, GraphqlDefinition)>();
        var seenFragments = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(GraphqlDefinition Parent, List<GraphqlSelection> Selections, bool InFragment)>();
        pending.Push((parent, selections, false));
        while (pending.TryPop(out var item))
        {
            foreach (var selection in item.Selections)
            {
                switch (selection)
                {
                    case GraphqlField field:
                        result.Add((field, item.Parent));
                        break;
                    case GraphqlInlineFragment inline:
                        pending.Push((schema.Type(inline.TypeCondition) ?? item.Parent, inline.SelectionSet, item.InFragment));
                        break;
                    case GraphqlFragmentSpread spread when !item.InFragment && seenFragments.Add(spread.Name) && fragment(spread.Name) is { } definition:
                        pending.Push((schema.Type(definition.TypeCondition) ?? item.Parent, definition.SelectionSet, true));
                        break;
                }
            }
        }

        return result;
    }

    private static GraphqlType? TypeOf(GraphqlDefinition parent, GraphqlField field) =>
        field.Name == "__typename" ? null : parent.Fields.Find(f => f.Name == field.Name)?.Type;

    private static bool SameArguments(List<GraphqlArgument> a, List<GraphqlArgument> b) =>
        a.Count == b.Count && a.All(x => b.Find(y => y.Name == x.Name) is { } y && Print(x.Value) == Print(y.Value));

    /// <summary>A value's canonical text, for comparing arguments.</summary>
    private static string Print(GraphqlValue value) => value.Kind switch
    {
        GraphqlValueKind.List => "[" + string.Join(",", value.Children.Select(c => Print(c.Value))) + "]",
        GraphqlValueKind.Object => "{" + string.Join(",", value.Children.Select(c => c.Name + ":" + Print(c.Value))) + "}",
        GraphqlValueKind.Variable => "$" + value.Raw,
        GraphqlValueKind.String or GraphqlValueKind.Block => Values.GoQuote.Quote(value.Raw),
        _ => value.Raw,
    };
}
