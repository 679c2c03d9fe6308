namespace Palisade.Rego.Builtins.Graphql;

/// <summary>The executable-document grammar: operations, fragments, selections, arguments, values and types.</summary>
internal sealed partial class GraphqlParser
{
    public static GraphqlQueryDocument ParseQuery(string input) => new GraphqlParser(input).ParseQueryDocument();

    private GraphqlQueryDocument ParseQueryDocument()
    {
        var document = new GraphqlQueryDocument();
        while (Peek().Kind != TokenKind.Eof)
        {
            var token = Peek();
            if (token.Kind == TokenKind.BraceL || (token.Kind == TokenKind.Name && token.Value is "query" or "mutation" or "subscription"))
            {
                document.Operations.Add(ParseOperation());
            }
            else if (token.Kind == TokenKind.Name && token.Value == "fragment")
            {
                document.Fragments.Add(ParseFragmentDefinition());
            }
            else
            {
                throw Unexpected();
            }
        }

        return document;
    }

    private GraphqlOperation ParseOperation()
    {
        var operation = new GraphqlOperation { Position = Peek().Position };
        if (Peek().Kind == TokenKind.BraceL)
        {
            ParseRequiredSelectionSet(operation.SelectionSet);
            return operation;
        }

        operation.Operation = ParseOperationType();
        if (Peek().Kind == TokenKind.Name)
        {
            operation.Name = Next().Value;
        }

        ParseVariableDefinitions(operation.VariableDefinitions);
        ParseDirectives(operation.Directives, isConst: false);
        ParseRequiredSelectionSet(operation.SelectionSet);
        return operation;
    }

    private string ParseOperationType()
    {
        var token = Next();
        return token.Value is "query" or "mutation" or "subscription" ? token.Value : throw Unexpected(token);
    }

    private void ParseVariableDefinitions(List<GraphqlVariableDefinition> definitions) =>
        Many(TokenKind.ParenL, TokenKind.ParenR, () =>
        {
            var definition = new GraphqlVariableDefinition { Position = Peek().Position };
            Expect(TokenKind.Dollar);
            definition.Variable = ParseName();
            Expect(TokenKind.Colon);
            definition.Type = ParseTypeReference();
            if (Skip(TokenKind.Equals))
            {
                definition.DefaultValue = ParseValue(isConst: true);
            }

            ParseDirectives(definition.Directives, isConst: false);
            definitions.Add(definition);
        });

    private void ParseRequiredSelectionSet(List<GraphqlSelection> selections)
    {
        if (Peek().Kind != TokenKind.BraceL)
        {
            throw Error(Peek(), $"Expected {{, found {Token.Describe(Peek().Kind)}");
        }

        ParseSelectionSet(selections);
    }

    private void ParseSelectionSet(List<GraphqlSelection> selections)
    {
        using var scope = Nested();
        Some(TokenKind.BraceL, TokenKind.BraceR, () => selections.Add(Peek().Kind == TokenKind.Spread ? ParseFragment() : ParseField()));
    }

    private GraphqlField ParseField()
    {
        var field = new GraphqlField { Position = Peek().Position, Alias = ParseName() };
        field.Name = Skip(TokenKind.Colon) ? ParseName() : field.Alias;
        ParseArguments(field.Arguments, isConst: false);
        ParseDirectives(field.Directives, isConst: false);
        if (Peek().Kind == TokenKind.BraceL)
        {
            ParseSelectionSet(field.SelectionSet);
        }

        return field;
    }

    private void ParseArguments(List<GraphqlArgument> arguments, bool isConst) =>
        Many(TokenKind.ParenL, TokenKind.ParenR, () =>
        {
            var argument = new GraphqlArgument { Position = Peek().Position, Name = ParseName() };
            Expect(TokenKind.Colon);
            argument.Value = ParseValue(isConst);
            arguments.Add(argument);
        });

    private GraphqlSelection ParseFragment()
    {
        Expect(TokenKind.Spread);
        var token = Peek();
        if (token.Kind == TokenKind.Name && token.Value != "on")
        {
            var spread = new GraphqlFragmentSpread { Position = token.Position, Name = ParseFragmentName() };
            ParseDirectives(spread.Directives, isConst: false);
            return spread;
        }

        var inline = new GraphqlInlineFragment { Position = token.Position };
        if (token.Value == "on")
        {
            Next();
            inline.TypeCondition = ParseName();
        }

        ParseDirectives(inline.Directives, isConst: false);
        ParseRequiredSelectionSet(inline.SelectionSet);
        return inline;
    }

    private GraphqlFragmentDefinition ParseFragmentDefinition()
    {
        var fragment = new GraphqlFragmentDefinition { Position = Peek().Position };
        ExpectKeyword("fragment");
        fragment.Name = ParseFragmentName();
        ParseVariableDefinitions(fragment.VariableDefinition);
        ExpectKeyword("on");
        fragment.TypeCondition = ParseName();
        ParseDirectives(fragment.Directives, isConst: false);
        ParseRequiredSelectionSet(fragment.SelectionSet);
        return fragment;
    }

    /// <summary>A fragment may not be called <c>on</c>, which would make spreads ambiguous.</summary>
    private string ParseFragmentName() => Peek().Value == "on" ? throw Unexpected() : ParseName();

    private GraphqlValue ParseValue(bool isConst)
    {
        using var scope = Nested();
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                var list = new GraphqlValue { Kind = GraphqlValueKind.List, Position = token.Position };
                Many(TokenKind.BracketL, TokenKind.BracketR, () => list.Children.Add(new GraphqlChildValue("", ParseValue(isConst))));
                return list;
            case TokenKind.BraceL:
                var obj = new GraphqlValue { Kind = GraphqlValueKind.Object, Position = token.Position };
                Many(TokenKind.BraceL, TokenKind.BraceR, () =>
                {
                    var name = ParseName();
                    Expect(TokenKind.Colon);
                    obj.Children.Add(new GraphqlChildValue(name, ParseValue(isConst)));
                });
                return obj;
            case TokenKind.Dollar when !isConst:
                Next();
                return new GraphqlValue { Kind = GraphqlValueKind.Variable, Raw = ParseName(), Position = token.Position };
        }

        var kind = token.Kind switch
        {
            TokenKind.Int => GraphqlValueKind.Int,
            TokenKind.Float => GraphqlValueKind.Float,
            TokenKind.String => GraphqlValueKind.String,
            TokenKind.BlockString => GraphqlValueKind.Block,
            TokenKind.Name => token.Value switch
            {
                "true" or "false" => GraphqlValueKind.Boolean,
                "null" => GraphqlValueKind.Null,
                _ => GraphqlValueKind.Enum,
            },
            _ => throw Unexpected(token),
        };
        Next();
        return new GraphqlValue { Kind = kind, Raw = token.Value, Position = token.Position };
    }

    private void ParseDirectives(List<GraphqlDirective> directives, bool isConst)
    {
        while (Peek().Kind == TokenKind.At)
        {
            Next();
            var directive = new GraphqlDirective { Position = Peek().Position, Name = ParseName() };
            ParseArguments(directive.Arguments, isConst);
            directives.Add(directive);
        }
    }

    private GraphqlType ParseTypeReference()
    {
        using var scope = Nested();
        var type = new GraphqlType();
        if (Skip(TokenKind.BracketL))
        {
            type.Position = Peek().Position;
            type.Elem = ParseTypeReference();
            Expect(TokenKind.BracketR);
        }
        else
        {
            type.Position = Peek().Position;
            type.NamedType = ParseName();
        }

        if (Skip(TokenKind.Bang))
        {
            type.NonNull = true;
        }

        return type;
    }
}
