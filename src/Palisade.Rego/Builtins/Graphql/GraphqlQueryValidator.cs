namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Validates an executable document against a schema with the GraphQL spec's rules, as gqlparser implements them, and
/// throws on the first violation. Document-wide rules (operation and fragment names, fragment use and cycles) come
/// first; then each operation and fragment is walked with the type its selections apply to
/// (<see cref="GraphqlSelectionRules"/>), and finally each operation's variables are matched with their uses.
/// </summary>
internal static class GraphqlQueryValidator
{
    public static void Validate(GraphqlSchema schema, GraphqlQueryDocument query)
    {
        var document = GraphqlDocumentRules.Check(query);
        var rules = new GraphqlSelectionRules(schema, document.Fragment);
        var fragmentUsages = new Dictionary<string, List<VariableUsage>>(StringComparer.Ordinal);
        foreach (var operation in query.Operations)
        {
            var root = schema.Root(operation.Operation)
                ?? throw new GraphqlSyntaxException($"Schema does not support operation type \"{operation.Operation}\"", operation.Position);
            var usages = new List<VariableUsage>();
            rules.CheckVariableDefinitions(operation.VariableDefinitions);
            rules.CheckDirectives(operation.Directives, operation.Operation.ToUpperInvariant(), usages);
            rules.CheckSelections(root, operation.SelectionSet, usages);
            if (operation.Operation == "subscription" && operation.SelectionSet.Count != 1)
            {
                throw new GraphqlSyntaxException(
                    operation.Name.Length > 0 ? $"Subscription \"{operation.Name}\" must select only one top level field." : "Anonymous Subscription must select only one top level field.",
                    operation.Position);
            }

            fragmentUsages[OperationKey(operation)] = usages;
        }

        foreach (var fragment in query.Fragments)
        {
            var condition = schema.Type(fragment.TypeCondition)
                ?? throw new GraphqlSyntaxException($"Unknown type \"{fragment.TypeCondition}\".", fragment.Position);
            if (!condition.IsComposite)
            {
                throw new GraphqlSyntaxException(
                    $"Fragment \"{fragment.Name}\" cannot condition on non composite type \"{fragment.TypeCondition}\".", fragment.Position);
            }

            var usages = new List<VariableUsage>();
            rules.CheckDirectives(fragment.Directives, "FRAGMENT_DEFINITION", usages);
            rules.CheckSelections(condition, fragment.SelectionSet, usages);
            fragmentUsages["fragment " + fragment.Name] = usages;
        }

        foreach (var operation in query.Operations)
        {
            var usages = document.ReachableFragments(operation.SelectionSet)
                .SelectMany(name => fragmentUsages.GetValueOrDefault("fragment " + name) ?? [])
                .Concat(fragmentUsages[OperationKey(operation)])
                .ToList();
            GraphqlVariableRules.Check(schema, operation, usages);
        }
    }

    private static string OperationKey(GraphqlOperation operation) => "operation " + operation.Name;
}

/// <summary>A variable used where a value of <see cref="Expected"/> type is wanted.</summary>
/// <param name="LocationHasDefault">True when the argument or field the variable fills has a default of its own.</param>
internal sealed record VariableUsage(string Name, GraphqlType Expected, bool LocationHasDefault, SourcePosition? Position);
