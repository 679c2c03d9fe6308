namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// The checks a loaded schema's definitions must pass: referenced types exist and have a fitting kind, objects and
/// interfaces have fields, enums have values, input objects have input fields, interfaces are implemented faithfully,
/// directives are known and allowed where used, and user names avoid the reserved <c>__</c> prefix.
/// </summary>
internal static class GraphqlDefinitionRules
{
    public static void Check(GraphqlSchema schema, GraphqlDefinition definition)
    {
        foreach (var field in definition.Fields)
        {
            CheckName(field.Position, field.Name);
            CheckTypeReference(schema, field.Type);
            CheckArguments(schema, field.Arguments, null);
            var location = definition.Kind == GraphqlKinds.InputObject ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION";
            CheckDirectives(schema, field.Directives, location, null);
        }

        foreach (var member in definition.Types)
        {
            var memberDefinition = schema.Type(member)
                ?? throw new GraphqlSyntaxException($"Undefined type {Values.GoQuote.Quote(member)}.", definition.Position);
            if (memberDefinition.Kind != GraphqlKinds.Object)
            {
                throw new GraphqlSyntaxException($"{definition.Kind} type {Values.GoQuote.Quote(member)} must be {GraphqlKinds.Object}.", definition.Position);
            }
        }

        foreach (var implemented in definition.Interfaces)
        {
            CheckImplements(schema, definition, implemented);
        }

        CheckContents(schema, definition);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in definition.Fields)
        {
            if (!seen.Add(field.Name))
            {
                throw new GraphqlSyntaxException($"Field {definition.Name}.{field.Name} can only be defined once.", field.Position);
            }
        }

        if (!definition.BuiltIn)
        {
            CheckName(definition.Position, definition.Name);
        }

        CheckDirectives(schema, definition.Directives, definition.Kind, null);
    }

    /// <summary>What each kind must contain, and which kinds its fields may have.</summary>
    private static void CheckContents(GraphqlSchema schema, GraphqlDefinition definition)
    {
        switch (definition.Kind)
        {
            case GraphqlKinds.Object or GraphqlKinds.Interface:
                if (definition.Fields.Count == 0)
                {
                    throw new GraphqlSyntaxException($"{definition.Kind} {definition.Name}: must define one or more fields.", definition.Position);
                }

                foreach (var field in definition.Fields)
                {
                    if (schema.Type(field.Type.Name) is { Kind: GraphqlKinds.InputObject })
                    {
                        throw new GraphqlSyntaxException(
                            $"{definition.Kind} {definition.Name}: field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.", field.Position);
                    }
                }

                break;
            case GraphqlKinds.Enum:
                if (definition.EnumValues.Count == 0)
                {
                    throw new GraphqlSyntaxException($"{definition.Kind} {definition.Name}: must define one or more unique enum values.", definition.Position);
                }

                foreach (var value in definition.EnumValues)
                {
                    if (value.Name is "true" or "false" or "null")
                    {
                        throw new GraphqlSyntaxException($"{definition.Kind} {definition.Name}: non-enum value {value.Name}.", definition.Position);
                    }
                }

                break;
            case GraphqlKinds.InputObject:
                if (definition.Fields.Count == 0)
                {
                    throw new GraphqlSyntaxException($"{definition.Kind} {definition.Name}: must define one or more input fields.", definition.Position);
                }

                foreach (var field in definition.Fields)
                {
                    if (schema.Type(field.Type.Name) is { IsInput: false } type)
                    {
                        throw new GraphqlSyntaxException($"{type.Kind} {field.Name}: field must be one of SCALAR, ENUM, INPUT_OBJECT.", field.Position);
                    }
                }

                break;
        }
    }

    public static void CheckName(SourcePosition? position, string name)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            throw new GraphqlSyntaxException($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", position);
        }
    }

    private static void CheckTypeReference(GraphqlSchema schema, GraphqlType type)
    {
        if (schema.Type(type.Name) is null)
        {
            throw new GraphqlSyntaxException($"Undefined type {type.Name}.", type.Position);
        }
    }

    public static void CheckArguments(GraphqlSchema schema, List<GraphqlArgumentDefinition> arguments, GraphqlDirectiveDefinition? directive)
    {
        foreach (var argument in arguments)
        {
            CheckName(argument.Position, argument.Name);
            CheckTypeReference(schema, argument.Type);
            var type = schema.Type(argument.Type.Name)!;
            if (!type.IsInput)
            {
                throw new GraphqlSyntaxException(
                    $"cannot use {argument.Type} as argument {argument.Name} because {type.Kind} is not a valid input type", argument.Position);
            }

            CheckDirectives(schema, argument.Directives, "ARGUMENT_DEFINITION", directive);
        }
    }

    private static void CheckDirectives(GraphqlSchema schema, List<GraphqlDirective> directives, string location, GraphqlDirectiveDefinition? current)
    {
        foreach (var directive in directives)
        {
            CheckName(directive.Position, directive.Name);
            if (current is not null && directive.Name == current.Name)
            {
                throw new GraphqlSyntaxException($"Directive {current.Name} cannot refer to itself.", directive.Position);
            }

            var definition = schema.Directives.GetValueOrDefault(directive.Name)
                ?? throw new GraphqlSyntaxException($"Undefined directive {directive.Name}.", directive.Position);
            if (!definition.Locations.Contains(location))
            {
                throw new GraphqlSyntaxException($"Directive {directive.Name} is not applicable on {location}.", directive.Position);
            }
        }
    }

    /// <summary>An object or interface must have each field of each interface it implements, with compatible types and arguments.</summary>
    private static void CheckImplements(GraphqlSchema schema, GraphqlDefinition definition, string interfaceName)
    {
        var implemented = schema.Type(interfaceName)
            ?? throw new GraphqlSyntaxException($"Undefined type {Values.GoQuote.Quote(interfaceName)}.", definition.Position);
        if (implemented.Kind != GraphqlKinds.Interface)
        {
            throw new GraphqlSyntaxException($"{Values.GoQuote.Quote(interfaceName)} is a non interface type {implemented.Kind}.", definition.Position);
        }

        foreach (var required in implemented.Fields)
        {
            var found = definition.Fields.Find(f => f.Name == required.Name)
                ?? throw new GraphqlSyntaxException(
                    $"For {definition.Name} to implement {implemented.Name} it must have a field called {required.Name}.", definition.Position);
            if (!IsCovariant(schema, required.Type, found.Type))
            {
                throw new GraphqlSyntaxException(
                    $"For {definition.Name} to implement {implemented.Name} the field {required.Name} must have type {required.Type}.", found.Position);
            }

            foreach (var requiredArgument in required.Arguments)
            {
                var foundArgument = found.Arguments.Find(a => a.Name == requiredArgument.Name)
                    ?? throw new GraphqlSyntaxException(
                        $"For {definition.Name} to implement {implemented.Name} the field {required.Name} must have the same arguments but it is missing {requiredArgument.Name}.",
                        found.Position);
                if (requiredArgument.Type.ToString() != foundArgument.Type.ToString())
                {
                    throw new GraphqlSyntaxException(
                        $"For {definition.Name} to implement {implemented.Name} the field {required.Name} must have the same arguments but {requiredArgument.Name} has the wrong type.",
                        foundArgument.Position);
                }
            }

            foreach (var extra in found.Arguments)
            {
                if (required.Arguments.Find(a => a.Name == extra.Name) is null && extra.Type.NonNull && extra.DefaultValue is null)
                {
                    throw new GraphqlSyntaxException(
                        $"For {definition.Name} to implement {implemented.Name} any additional arguments on {found.Name} must be optional or have a default value but {extra.Name} is required.",
                        extra.Position);
                }
            }
        }

        // An implementation must also name the interfaces its interfaces implement.
        foreach (var transitive in implemented.Interfaces)
        {
            if (!definition.Interfaces.Contains(transitive))
            {
                throw new GraphqlSyntaxException(
                    transitive == definition.Name
                        ? $"Type {definition.Name} cannot implement {interfaceName} because it would create a circular reference."
                        : $"Type {definition.Name} must implement {transitive} because it is implemented by {interfaceName}.",
                    definition.Position);
            }
        }
    }

    private static bool IsCovariant(GraphqlSchema schema, GraphqlType required, GraphqlType actual)
    {
        while (true)
        {
            if (required.NonNull && !actual.NonNull)
            {
                return false;
            }

            if (required.NamedType.Length > 0)
            {
                return required.NamedType == actual.NamedType
                    || (schema.PossibleTypes.GetValueOrDefault(required.NamedType)?.Exists(t => t.Name == actual.NamedType) ?? false);
            }

            if (required.Elem is null || actual.Elem is null)
            {
                return required.Elem is null && actual.Elem is null;
            }

            required = required.Elem;
            actual = actual.Elem;
        }
    }
}
