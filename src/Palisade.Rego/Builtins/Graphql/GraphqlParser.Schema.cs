namespace Palisade.Rego.Builtins.Graphql;

/// <summary>The schema-document grammar (SDL): schema, type, directive definitions and their extensions.</summary>
internal sealed partial class GraphqlParser
{
    private static readonly HashSet<string> DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    public static GraphqlSchemaDocument ParseSchema(string input, bool builtIn = false)
    {
        var document = new GraphqlParser(input).ParseSchemaDocument();
        foreach (var definition in document.Definitions.Concat(document.Extensions))
        {
            definition.BuiltIn = builtIn;
        }

        return document;
    }

    private GraphqlSchemaDocument ParseSchemaDocument()
    {
        var document = new GraphqlSchemaDocument();
        while (Peek().Kind != TokenKind.Eof)
        {
            var description = ParseDescription();
            if (Peek().Kind != TokenKind.Name)
            {
                throw Unexpected();
            }

            switch (Peek().Value)
            {
                case "scalar" or "type" or "interface" or "union" or "enum" or "input":
                    document.Definitions.Add(ParseTypeDefinition(description, extension: false));
                    break;
                case "schema":
                    Next();
                    document.Schema.Add(ParseSchemaDefinition(description));
                    break;
                case "directive":
                    document.Directives.Add(ParseDirectiveDefinition(description));
                    break;
                case "extend":
                    // Extensions carry no description: report the description token itself.
                    if (description.Length > 0)
                    {
                        throw Unexpected(_previous);
                    }

                    ParseExtension(document);
                    break;
                default:
                    throw Unexpected();
            }
        }

        return document;
    }

    private string ParseDescription() =>
        Peek().Kind is TokenKind.String or TokenKind.BlockString ? Next().Value : "";

    private GraphqlSchemaDefinition ParseSchemaDefinition(string description)
    {
        var schema = new GraphqlSchemaDefinition { Description = description, Position = Peek().Position };
        ParseDirectives(schema.Directives, isConst: true);
        Some(TokenKind.BraceL, TokenKind.BraceR, () =>
        {
            var operationType = new GraphqlOperationType { Position = Peek().Position, Operation = ParseOperationType() };
            Expect(TokenKind.Colon);
            operationType.Type = ParseName();
            schema.OperationTypes.Add(operationType);
        });
        return schema;
    }

    private void ParseExtension(GraphqlSchemaDocument document)
    {
        ExpectKeyword("extend");
        switch (Peek().Value)
        {
            case "schema":
                Next();
                var schema = ParseSchemaDefinition("");
                if (schema.Directives.Count == 0 && schema.OperationTypes.Count == 0)
                {
                    throw Unexpected();
                }

                document.SchemaExtension.Add(schema);
                break;
            case "scalar" or "type" or "interface" or "union" or "enum" or "input":
                document.Extensions.Add(ParseTypeDefinition("", extension: true));
                break;
            default:
                throw Unexpected();
        }
    }

    /// <summary>
    /// A type definition, or with <paramref name="extension"/> a type extension, which must add something.
    /// </summary>
    private GraphqlDefinition ParseTypeDefinition(string description, bool extension)
    {
        var keyword = Next().Value;
        var definition = new GraphqlDefinition { Description = description, Position = Peek().Position, Name = ParseName() };
        switch (keyword)
        {
            case "scalar":
                definition.Kind = GraphqlKinds.Scalar;
                ParseDirectives(definition.Directives, isConst: true);
                break;
            case "type" or "interface":
                definition.Kind = keyword == "type" ? GraphqlKinds.Object : GraphqlKinds.Interface;
                // Interfaces may implement interfaces, but interface extensions may only add directives and fields.
                if (keyword == "type" || !extension)
                {
                    ParseImplements(definition.Interfaces);
                }

                ParseDirectives(definition.Directives, isConst: true);
                Some(TokenKind.BraceL, TokenKind.BraceR, () => definition.Fields.Add(ParseFieldDefinition()));
                break;
            case "union":
                definition.Kind = GraphqlKinds.Union;
                ParseDirectives(definition.Directives, isConst: true);
                if (Skip(TokenKind.Equals))
                {
                    Skip(TokenKind.Pipe);
                    definition.Types.Add(ParseName());
                    while (Skip(TokenKind.Pipe))
                    {
                        definition.Types.Add(ParseName());
                    }
                }

                break;
            case "enum":
                definition.Kind = GraphqlKinds.Enum;
                ParseDirectives(definition.Directives, isConst: true);
                Some(TokenKind.BraceL, TokenKind.BraceR, () =>
                {
                    var value = new GraphqlEnumValueDefinition { Position = Peek().Position, Description = ParseDescription(), Name = ParseName() };
                    ParseDirectives(value.Directives, isConst: true);
                    definition.EnumValues.Add(value);
                });
                break;
            default:
                definition.Kind = GraphqlKinds.InputObject;
                // gqlparser reads input extensions' directives as non-constant; kept for identical errors.
                ParseDirectives(definition.Directives, isConst: !extension);
                Some(TokenKind.BraceL, TokenKind.BraceR, () => definition.Fields.Add(ParseInputValueDefinition()));
                break;
        }

        if (extension && definition.Directives.Count == 0 && definition.Interfaces.Count == 0 && definition.Fields.Count == 0
            && definition.Types.Count == 0 && definition.EnumValues.Count == 0)
        {
            throw Unexpected();
        }

        return definition;
    }

    private void ParseImplements(List<string> interfaces)
    {
        if (Peek().Value != "implements")
        {
            return;
        }

        Next();
        Skip(TokenKind.Amp);
        interfaces.Add(ParseName());
        while (Skip(TokenKind.Amp))
        {
            interfaces.Add(ParseName());
        }
    }

    private GraphqlFieldDefinition ParseFieldDefinition()
    {
        var field = new GraphqlFieldDefinition { Position = Peek().Position, Description = ParseDescription(), Name = ParseName() };
        ParseArgumentDefinitions(field.Arguments);
        Expect(TokenKind.Colon);
        field.Type = ParseTypeReference();
        ParseDirectives(field.Directives, isConst: true);
        return field;
    }

    private GraphqlFieldDefinition ParseInputValueDefinition()
    {
        var field = new GraphqlFieldDefinition { Position = Peek().Position, Description = ParseDescription(), Name = ParseName() };
        Expect(TokenKind.Colon);
        field.Type = ParseTypeReference();
        if (Skip(TokenKind.Equals))
        {
            field.DefaultValue = ParseValue(isConst: true);
        }

        ParseDirectives(field.Directives, isConst: true);
        return field;
    }

    private void ParseArgumentDefinitions(List<GraphqlArgumentDefinition> arguments) =>
        Some(TokenKind.ParenL, TokenKind.ParenR, () =>
        {
            var argument = new GraphqlArgumentDefinition { Position = Peek().Position, Description = ParseDescription(), Name = ParseName() };
            Expect(TokenKind.Colon);
            argument.Type = ParseTypeReference();
            if (Skip(TokenKind.Equals))
            {
                argument.DefaultValue = ParseValue(isConst: true);
            }

            ParseDirectives(argument.Directives, isConst: true);
            arguments.Add(argument);
        });

    private GraphqlDirectiveDefinition ParseDirectiveDefinition(string description)
    {
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var directive = new GraphqlDirectiveDefinition { Description = description, Position = Peek().Position, Name = ParseName() };
        ParseArgumentDefinitions(directive.Arguments);
        if (Peek() is { Kind: TokenKind.Name, Value: "repeatable" })
        {
            directive.IsRepeatable = true;
            Next();
        }

        ExpectKeyword("on");
        Skip(TokenKind.Pipe);
        directive.Locations.Add(ParseDirectiveLocation());
        while (Skip(TokenKind.Pipe))
        {
            directive.Locations.Add(ParseDirectiveLocation());
        }

        return directive;
    }

    private string ParseDirectiveLocation()
    {
        var token = Expect(TokenKind.Name);
        return DirectiveLocations.Contains(token.Value) ? token.Value : throw Unexpected(token);
    }
}
