namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// An operation's variables against their uses (in the operation and in every fragment it reaches): each use is
/// defined, each definition used, and each use sits where the variable's type is allowed.
/// </summary>
internal static class GraphqlVariableRules
{
    public static void Check(GraphqlSchema schema, GraphqlOperation operation, List<VariableUsage> usages)
    {
        var definitions = new Dictionary<string, GraphqlVariableDefinition>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            definitions.TryAdd(definition.Variable, definition);
        }

        foreach (var usage in usages)
        {
            if (!definitions.TryGetValue(usage.Name, out var definition))
            {
                throw new GraphqlSyntaxException(
                    operation.Name.Length > 0
                        ? $"Variable \"${usage.Name}\" is not defined by operation \"{operation.Name}\"."
                        : $"Variable \"${usage.Name}\" is not defined.",
                    usage.Position);
            }

            if (!Allowed(schema, definition, usage))
            {
                throw new GraphqlSyntaxException(
                    $"Variable \"${usage.Name}\" of type \"{definition.Type}\" used in position expecting type \"{usage.Expected}\".", usage.Position);
            }
        }

        var used = usages.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            if (!used.Contains(definition.Variable))
            {
                throw new GraphqlSyntaxException(
                    operation.Name.Length > 0
                        ? $"Variable \"${definition.Variable}\" is never used in operation \"{operation.Name}\"."
                        : $"Variable \"${definition.Variable}\" is never used.",
                    definition.Position);
            }
        }
    }

    /// <summary>
    /// A nullable variable may fill a non-null position when the variable or the position has a default to fall back on.
    /// </summary>
    private static bool Allowed(GraphqlSchema schema, GraphqlVariableDefinition definition, VariableUsage usage)
    {
        var hasDefault = definition.DefaultValue is { Kind: not GraphqlValueKind.Null } || usage.LocationHasDefault;
        if (usage.Expected.NonNull && !definition.Type.NonNull && hasDefault)
        {
            var nullable = new GraphqlType { NamedType = usage.Expected.NamedType, Elem = usage.Expected.Elem };
            return IsSubType(schema, definition.Type, nullable);
        }

        return IsSubType(schema, definition.Type, usage.Expected);
    }

    private static bool IsSubType(GraphqlSchema schema, GraphqlType actual, GraphqlType expected)
    {
        if (expected.NonNull && !actual.NonNull)
        {
            return false;
        }

        if (expected.Elem is not null || actual.Elem is not null)
        {
            return expected.Elem is not null && actual.Elem is not null && IsSubType(schema, actual.Elem, expected.Elem);
        }

        if (actual.NamedType == expected.NamedType)
        {
            return true;
        }

        // An object may stand where an interface or union it belongs to is expected.
        return schema.Type(expected.NamedType) is { } abstractType
            && abstractType.Kind is GraphqlKinds.Interface or GraphqlKinds.Union
            && schema.Possible(abstractType).Any(t => t.Name == actual.NamedType);
    }
}
