namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// A recursive-descent parser for GraphQL executable and schema documents, reporting the first error with gqlparser's
/// message and position. Token handling lives here; the grammar is in the Query and Schema parts.
/// </summary>
internal sealed partial class GraphqlParser
{
    private readonly GraphqlLexer _lexer;
    private Token _peeked;
    private bool _hasPeeked;
    private Token _previous;
    private int _depth;

    private GraphqlParser(string input)
    {
        GraphqlLimits.CheckLength(input);
        _lexer = new GraphqlLexer(input);
    }

    private Token Peek()
    {
        if (!_hasPeeked)
        {
            _peeked = _lexer.Next();
            _hasPeeked = true;
        }

        return _peeked;
    }

    /// <summary>Consumes a token; consuming an unreadable one reports the lexer's own error.</summary>
    private Token Next()
    {
        var token = Peek();
        _hasPeeked = false;
        if (token.Kind == TokenKind.Invalid)
        {
            throw _lexer.Error!;
        }

        _previous = token;
        return token;
    }

    private static GraphqlSyntaxException Error(Token token, string message) => new(message, token.Position);

    private Token Expect(TokenKind kind)
    {
        var token = Peek();
        return token.Kind == kind
            ? Next()
            : throw Error(token, $"Expected {Token.Describe(kind)}, found {Token.Describe(token.Kind)}");
    }

    private void ExpectKeyword(string keyword)
    {
        var token = Peek();
        if (token.Kind != TokenKind.Name || token.Value != keyword)
        {
            throw Error(token, $"Expected {Values.GoQuote.Quote(keyword)}, found {token}");
        }

        Next();
    }

    private bool Skip(TokenKind kind)
    {
        if (Peek().Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    private GraphqlSyntaxException Unexpected() => Unexpected(Peek());

    private static GraphqlSyntaxException Unexpected(Token token) => Error(token, $"Unexpected {token}");

    /// <summary>Zero or more items between delimiters; nothing when the opening delimiter is absent.</summary>
    private void Many(TokenKind start, TokenKind end, Action item)
    {
        if (!Skip(start))
        {
            return;
        }

        while (Peek().Kind != end)
        {
            item();
        }

        Next();
    }

    /// <summary>One or more items between delimiters; nothing when the opening delimiter is absent.</summary>
    private void Some(TokenKind start, TokenKind end, Action item)
    {
        if (!Skip(start))
        {
            return;
        }

        if (Peek().Kind == end)
        {
            throw Error(Peek(), $"expected at least one definition, found {Token.Describe(Peek().Kind)}");
        }

        while (Peek().Kind != end)
        {
            item();
        }

        Next();
    }

    private string ParseName() => Expect(TokenKind.Name).Value;

    /// <summary>Guards recursion: nested selection sets, values and types each count one level.</summary>
    private DepthScope Nested()
    {
        if (++_depth > GraphqlLimits.MaxDepth)
        {
            throw Error(Peek(), $"document nests deeper than {GraphqlLimits.MaxDepth} levels");
        }

        return new DepthScope(this);
    }

    private readonly struct DepthScope(GraphqlParser parser) : IDisposable
    {
        public void Dispose() => parser._depth--;
    }
}
