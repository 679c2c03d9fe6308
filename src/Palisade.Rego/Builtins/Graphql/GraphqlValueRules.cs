using System.Globalization;

namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Whether a literal fits the type expected where it appears: nulls only where nullable, lists item by item (a single
/// item is coerced to a list), enum values the enum defines, input objects with known and required fields, and the
/// built-in scalars' literal kinds. Custom scalars accept any literal. Variables are recorded, not checked here.
/// </summary>
internal sealed class GraphqlValueRules(GraphqlSchema schema)
{
    public void Check(GraphqlValue value, GraphqlType expected, List<VariableUsage>? usages, bool locationHasDefault = false)
    {
        if (value.Kind == GraphqlValueKind.Variable)
        {
            if (usages is null)
            {
                throw new GraphqlSyntaxException($"Unexpected ${value.Raw}", value.Position);
            }

            usages.Add(new VariableUsage(value.Raw, expected, locationHasDefault, value.Position));
            return;
        }

        if (value.Kind == GraphqlValueKind.Null)
        {
            if (expected.NonNull)
            {
                throw new GraphqlSyntaxException($"Expected value of type \"{expected}\", found null.", value.Position);
            }

            return;
        }

        if (expected.Elem is not null)
        {
            if (value.Kind == GraphqlValueKind.List)
            {
                foreach (var child in value.Children)
                {
                    Check(child.Value, expected.Elem, usages);
                }
            }
            else
            {
                Check(value, expected.Elem, usages);
            }

            return;
        }

        var definition = schema.Type(expected.NamedType);
        if (definition is null)
        {
            return;
        }

        if (value.Kind == GraphqlValueKind.List)
        {
            throw new GraphqlSyntaxException($"Expected value of type \"{expected}\", found {Show(value)}.", value.Position);
        }

        switch (definition.Kind)
        {
            case GraphqlKinds.Enum:
                if (value.Kind != GraphqlValueKind.Enum)
                {
                    throw new GraphqlSyntaxException($"Enum \"{definition.Name}\" cannot represent non-enum value: {Show(value)}.", value.Position);
                }

                if (!definition.EnumValues.Exists(v => v.Name == value.Raw))
                {
                    throw new GraphqlSyntaxException($"Value \"{value.Raw}\" does not exist in \"{definition.Name}\" enum.", value.Position);
                }

                break;
            case GraphqlKinds.InputObject:
                CheckInputObject(value, expected, definition, usages);
                break;
            case GraphqlKinds.Scalar:
                CheckScalar(value, definition.Name);
                break;
        }
    }

    private void CheckInputObject(GraphqlValue value, GraphqlType expected, GraphqlDefinition definition, List<VariableUsage>? usages)
    {
        if (value.Kind != GraphqlValueKind.Object)
        {
            throw new GraphqlSyntaxException($"Expected value of type \"{expected}\", found {Show(value)}.", value.Position);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in value.Children)
        {
            if (!names.Add(child.Name))
            {
                throw new GraphqlSyntaxException($"There can be only one input field named \"{child.Name}\".", child.Value.Position);
            }

            var field = definition.Fields.Find(f => f.Name == child.Name)
                ?? throw new GraphqlSyntaxException($"Field \"{child.Name}\" is not defined by type \"{definition.Name}\".", child.Value.Position);
            Check(child.Value, field.Type, usages, field.DefaultValue is not null);
        }

        foreach (var field in definition.Fields)
        {
            if (field.Type.NonNull && field.DefaultValue is null && !names.Contains(field.Name))
            {
                throw new GraphqlSyntaxException(
                    $"Field \"{definition.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", value.Position);
            }
        }
    }

    private static void CheckScalar(GraphqlValue value, string scalar)
    {
        var kind = value.Kind;
        var message = scalar switch
        {
            "Int" when kind != GraphqlValueKind.Int => $"Int cannot represent non-integer value: {Show(value)}",
            "Int" when !int.TryParse(value.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) =>
                $"Int cannot represent non 32-bit signed integer value: {value.Raw}",
            "Float" when kind is not (GraphqlValueKind.Int or GraphqlValueKind.Float) => $"Float cannot represent non numeric value: {Show(value)}",
            "String" when kind is not (GraphqlValueKind.String or GraphqlValueKind.Block) => $"String cannot represent a non string value: {Show(value)}",
            "Boolean" when kind != GraphqlValueKind.Boolean => $"Boolean cannot represent a non boolean value: {Show(value)}",
            "ID" when kind is not (GraphqlValueKind.String or GraphqlValueKind.Block or GraphqlValueKind.Int) =>
                $"ID cannot represent a non-string and non-integer value: {Show(value)}",
            _ => null,
        };
        if (message is not null)
        {
            throw new GraphqlSyntaxException(message, value.Position);
        }
    }

    /// <summary>A value as messages show it: strings quoted, scalars as written, lists and objects by kind.</summary>
    private static string Show(GraphqlValue value) => value.Kind switch
    {
        GraphqlValueKind.String or GraphqlValueKind.Block => Values.GoQuote.Quote(value.Raw),
        GraphqlValueKind.List => "list",
        GraphqlValueKind.Object => "object",
        GraphqlValueKind.Variable => "$" + value.Raw,
        _ => value.Raw,
    };
}
