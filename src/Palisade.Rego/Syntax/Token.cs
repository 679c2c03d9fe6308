namespace Palisade.Rego.Syntax;

/// <summary>
/// A token: its kind, where its text lies in the source, where it starts (1-based), and whether whitespace or a
/// newline came before it. A ref continues (<c>x[0]</c>, <c>f(x)</c>, <c>a.b</c>) only when nothing separates the parts.
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, bool SpaceBefore, bool NewlineBefore)
{
    public int Length => End - Start;

    /// <summary>The name OPA gives the token in "unexpected … token" messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "eof",
        TokenKind.Illegal => "illegal",
        TokenKind.Ident => "ident",
        TokenKind.Number => "number",
        TokenKind.String or TokenKind.RawString => "string",
        TokenKind.TemplateString or TokenKind.RawTemplateString => "template-string",
        TokenKind.Dot => ".",
        TokenKind.Comma => ",",
        TokenKind.Semicolon => ";",
        TokenKind.Colon => ":",
        TokenKind.LParen => "(",
        TokenKind.RParen => ")",
        TokenKind.LBracket => "[",
        TokenKind.RBracket => "]",
        TokenKind.LBrace => "{",
        TokenKind.RBrace => "}",
        TokenKind.Unify => "eq",
        TokenKind.Assign => "assign",
        TokenKind.Equal => "equal",
        TokenKind.NotEqual => "neq",
        TokenKind.Less => "lt",
        TokenKind.LessOrEqual => "lte",
        TokenKind.Greater => "gt",
        TokenKind.GreaterOrEqual => "gte",
        TokenKind.Plus => "plus",
        TokenKind.Minus => "minus",
        TokenKind.Multiply => "mul",
        TokenKind.Divide => "div",
        TokenKind.Remainder => "rem",
        TokenKind.And => "and",
        TokenKind.Or => "or",
        _ => Kind.ToString(),
    };
}
