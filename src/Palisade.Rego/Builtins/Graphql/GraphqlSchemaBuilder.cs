namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Loads a schema document on top of the prelude and checks it as gqlparser does: no redeclared types or directives,
/// extensions of a matching kind (an extension of an unknown type declares it, as federation schemas need), roots that
/// exist, then each type and directive definition (<see cref="GraphqlDefinitionRules"/>).
/// </summary>
internal static class GraphqlSchemaBuilder
{
    public static GraphqlSchema Build(GraphqlSchemaDocument document)
    {
        var schema = new GraphqlSchema();
        var prelude = GraphqlPrelude.Document;
        var definitions = new List<GraphqlDefinition>();
        foreach (var definition in prelude.Definitions.Concat(document.Definitions))
        {
            if (schema.Types.ContainsKey(definition.Name))
            {
                throw new GraphqlSyntaxException($"Cannot redeclare type {definition.Name}.", definition.Position);
            }

            // Copies, because extensions are merged into the definitions and the document must stay as parsed.
            var copy = Copy(definition);
            schema.Types[definition.Name] = copy;
            definitions.Add(copy);
        }

        foreach (var extension in document.Extensions)
        {
            if (!schema.Types.TryGetValue(extension.Name, out var definition))
            {
                definition = new GraphqlDefinition { Kind = extension.Kind, Name = extension.Name, Position = extension.Position };
                schema.Types[extension.Name] = definition;
                definitions.Add(definition);
            }

            if (definition.Kind != extension.Kind)
            {
                throw new GraphqlSyntaxException(
                    $"Cannot extend type {extension.Name} because the base type is a {definition.Kind}, not {extension.Kind}.", extension.Position);
            }

            definition.Directives.AddRange(extension.Directives);
            definition.Interfaces.AddRange(extension.Interfaces);
            definition.Fields.AddRange(extension.Fields);
            definition.Types.AddRange(extension.Types);
            definition.EnumValues.AddRange(extension.EnumValues);
        }

        foreach (var definition in definitions)
        {
            if (definition.Kind == GraphqlKinds.Union)
            {
                foreach (var member in definition.Types)
                {
                    schema.AddPossibleType(definition.Name, schema.Type(member));
                }
            }
            else if (definition.Kind is GraphqlKinds.Object or GraphqlKinds.InputObject or GraphqlKinds.Interface)
            {
                foreach (var implemented in definition.Interfaces)
                {
                    schema.AddPossibleType(implemented, definition);
                }

                if (definition.Kind != GraphqlKinds.Interface)
                {
                    schema.AddPossibleType(definition.Name, definition);
                }
            }
        }

        foreach (var directive in prelude.Directives.Concat(document.Directives))
        {
            // A schema may restate the built-in directives (the first one wins); any other repeat is an error.
            if (schema.Directives.ContainsKey(directive.Name))
            {
                if (directive.Name is "include" or "skip" or "deprecated" or "specifiedBy")
                {
                    continue;
                }

                throw new GraphqlSyntaxException($"Cannot redeclare directive {directive.Name}.", directive.Position);
            }

            schema.Directives[directive.Name] = directive;
        }

        if (document.Schema.Count > 1)
        {
            throw new GraphqlSyntaxException("Cannot have multiple schema entry points, consider schema extensions instead.", document.Schema[1].Position);
        }

        foreach (var entry in document.Schema.Concat(document.SchemaExtension).SelectMany(s => s.OperationTypes))
        {
            var root = schema.Type(entry.Type)
                ?? throw new GraphqlSyntaxException($"Schema root {entry.Operation} refers to a type {entry.Type} that does not exist.", entry.Position);
            switch (entry.Operation)
            {
                case "query":
                    schema.Query = root;
                    break;
                case "mutation":
                    schema.Mutation = root;
                    break;
                default:
                    schema.Subscription = root;
                    break;
            }
        }

        foreach (var name in schema.Types.Keys.Order(StringComparer.Ordinal).ToList())
        {
            GraphqlDefinitionRules.Check(schema, schema.Types[name]);
        }

        foreach (var name in schema.Directives.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var directive = schema.Directives[name];
            GraphqlDefinitionRules.CheckName(directive.Position, directive.Name);
            GraphqlDefinitionRules.CheckArguments(schema, directive.Arguments, directive);
        }

        // Without a schema definition, the conventionally named types are the roots.
        if (document.Schema.Count == 0)
        {
            schema.Query ??= schema.Type("Query");
            schema.Mutation ??= schema.Type("Mutation");
            schema.Subscription ??= schema.Type("Subscription");
        }

        if (schema.Query is not null)
        {
            schema.Query.Fields.Add(new GraphqlFieldDefinition { Name = "__schema", Type = new GraphqlType { NamedType = "__Schema", NonNull = true } });
            var typeField = new GraphqlFieldDefinition { Name = "__type", Type = new GraphqlType { NamedType = "__Type" } };
            typeField.Arguments.Add(new GraphqlArgumentDefinition { Name = "name", Type = new GraphqlType { NamedType = "String", NonNull = true } });
            schema.Query.Fields.Add(typeField);
        }

        return schema;
    }

    private static GraphqlDefinition Copy(GraphqlDefinition definition)
    {
        var copy = new GraphqlDefinition
        {
            Kind = definition.Kind,
            Description = definition.Description,
            Name = definition.Name,
            Position = definition.Position,
            BuiltIn = definition.BuiltIn,
        };
        copy.Directives.AddRange(definition.Directives);
        copy.Interfaces.AddRange(definition.Interfaces);
        copy.Fields.AddRange(definition.Fields);
        copy.Types.AddRange(definition.Types);
        copy.EnumValues.AddRange(definition.EnumValues);
        return copy;
    }
}
