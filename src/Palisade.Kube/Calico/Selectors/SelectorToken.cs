namespace Palisade.Kube.Calico.Selectors;

internal enum TokenKind
{
    End,
    Label,
    String,
    HasOpen,
    AllOpen,
    GlobalOpen,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    Comma,
    Not,
    And,
    Or,
    EqualTo,
    NotEqualTo,
    Contains,
    StartsWith,
    EndsWith,
    In,
    NotIn,
}

/// <summary>
/// One token of a selector. <see cref="Text"/> is the label name or the string's content (without quotes);
/// <see cref="Column"/> is 1-based and points at the token's first character (the opening quote of a string).
/// </summary>
internal readonly record struct SelectorToken(TokenKind Kind, string Text, int Column)
{
    /// <summary>How the token reads in a message: "label 'app'", "string 'web'", "'&amp;&amp;'", "end of selector".</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of selector",
        TokenKind.Label => $"label '{Text}'",
        TokenKind.String => $"string {SelectorText.Quote(Text)}",
        TokenKind.HasOpen => "'has('",
        TokenKind.AllOpen => "'all('",
        TokenKind.GlobalOpen => "'global('",
        TokenKind.LeftParen => "'('",
        TokenKind.RightParen => "')'",
        TokenKind.LeftBrace => "'{'",
        TokenKind.RightBrace => "'}'",
        TokenKind.Comma => "','",
        TokenKind.Not => "'!'",
        TokenKind.And => "'&&'",
        TokenKind.Or => "'||'",
        TokenKind.EqualTo => "'=='",
        TokenKind.NotEqualTo => "'!='",
        TokenKind.Contains => "'contains'",
        TokenKind.StartsWith => "'starts with'",
        TokenKind.EndsWith => "'ends with'",
        TokenKind.In => "'in'",
        TokenKind.NotIn => "'not in'",
        _ => Kind.ToString(),
    };
}
