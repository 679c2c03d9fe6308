namespace Palisade.Rego.Builtins.Graphql;

/// <summary>The kinds of GraphQL tokens.</summary>
internal enum TokenKind
{
    /// <summary>Text the lexer could not read; the token carries the lexer's message.</summary>
    Invalid,
    Eof,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    BraceR,
    Pipe,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

/// <summary>A line and column, both from 1; columns count Unicode code points, as gqlparser counts runes.</summary>
internal readonly record struct SourcePosition(int Line, int Column);

/// <summary>One token: its kind, its value (names, numbers and decoded strings; empty for punctuators) and where it starts.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, SourcePosition Position)
{
    /// <summary>How gqlparser names a token kind in its messages: the punctuator itself, or a word.</summary>
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.Invalid => "Invalid",
        TokenKind.Eof => "<EOF>",
        TokenKind.Bang => "!",
        TokenKind.Dollar => "$",
        TokenKind.Amp => "&",
        TokenKind.ParenL => "(",
        TokenKind.ParenR => ")",
        TokenKind.Spread => "...",
        TokenKind.Colon => ":",
        TokenKind.Equals => "=",
        TokenKind.At => "@",
        TokenKind.BracketL => "[",
        TokenKind.BracketR => "]",
        TokenKind.BraceL => "{",
        TokenKind.BraceR => "}",
        TokenKind.Pipe => "|",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        _ => "BlockString",
    };

    /// <summary>The token as messages show it: <c>Name "foo"</c> when it has a value, else just its kind.</summary>
    public override string ToString() => Value.Length > 0 ? $"{Describe(Kind)} {Values.GoQuote.Quote(Value)}" : Describe(Kind);
}
