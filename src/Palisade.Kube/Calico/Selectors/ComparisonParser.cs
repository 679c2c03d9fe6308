namespace Palisade.Kube.Calico.Selectors;

/// <summary>
/// The comparison rule of the grammar, kept apart from the rest of it:
/// <code>
/// comparison = label ( "==" | "!=" | "contains" | "starts with" | "ends with" ) string
///            | label ( "in" | "not in" ) "{" [ string { "," string } [ "," ] ] "}"
/// </code>
/// </summary>
internal readonly struct ComparisonParser(RecursiveDescentParser parser)
{
    public Selector Parse()
    {
        var label = parser.Current;
        parser.Advance();
        var op = parser.Current;
        switch (op.Kind)
        {
            case TokenKind.EqualTo or TokenKind.NotEqualTo or TokenKind.Contains or TokenKind.StartsWith or TokenKind.EndsWith:
                parser.Advance();
                var value = ExpectString($"expected a quoted string after {op.Describe()}");
                return op.Kind switch
                {
                    TokenKind.EqualTo => new EqualsSelector(label.Text, value),
                    TokenKind.NotEqualTo => new NotEqualsSelector(label.Text, value),
                    TokenKind.Contains => new ContainsSelector(label.Text, value),
                    TokenKind.StartsWith => new StartsWithSelector(label.Text, value),
                    _ => new EndsWithSelector(label.Text, value),
                };
            case TokenKind.In or TokenKind.NotIn:
                parser.Advance();
                parser.Expect(TokenKind.LeftBrace, $"expected '{{' after {op.Describe()}");
                var values = ParseSetValues();
                return op.Kind == TokenKind.In ? new InSelector(label.Text, values) : new NotInSelector(label.Text, values);
            default:
                throw parser.Error(MissingOperator(label.Text, op));
        }
    }

    // After '{': values separated by commas, an optional trailing comma, then '}'. An empty set is allowed.
    private List<string> ParseSetValues()
    {
        var values = new List<string>();
        while (true)
        {
            var token = parser.Current;
            switch (token.Kind)
            {
                case TokenKind.RightBrace:
                    parser.Advance();
                    return values;
                case TokenKind.String:
                    values.Add(token.Text);
                    parser.Advance();
                    if (parser.Current.Kind == TokenKind.Comma)
                    {
                        parser.Advance();
                    }
                    else if (parser.Current.Kind == TokenKind.String)
                    {
                        throw parser.Error("expected ',' between set values");
                    }
                    else if (parser.Current.Kind != TokenKind.RightBrace)
                    {
                        throw parser.Error("expected '}' to close the set");
                    }

                    break;
                case TokenKind.End:
                    throw parser.Error("expected '}' to close the set");
                case TokenKind.Label:
                    throw parser.Error($"set values must be quoted strings: write '{token.Text}'");
                default:
                    throw parser.Error($"expected a quoted string or '}}' in the set, found {token.Describe()}");
            }
        }
    }

    private string ExpectString(string reason)
    {
        var token = parser.Current;
        if (token.Kind != TokenKind.String)
        {
            throw parser.Error(reason);
        }

        parser.Advance();
        return token.Text;
    }

    private static string MissingOperator(string label, SelectorToken found)
    {
        if (label is "has" or "all" or "global" && found.Kind == TokenKind.LeftParen)
        {
            return $"'{label}' must be followed directly by '(', with no space between";
        }

        var reason = $"expected an operator after label '{label}': ==, !=, in, not in, contains, starts with or ends with";
        return found.Kind is TokenKind.End or TokenKind.And or TokenKind.Or or TokenKind.RightParen
            ? $"{reason}; to test that the label exists, write has({label})"
            : reason;
    }
}
