namespace Palisade.Rego.Syntax;

/// <summary>Rego's keywords. The lexer yields them as identifiers; the parser decides per module which are keywords.</summary>
public static class Keywords
{
    public const string Package = "package";
    public const string Import = "import";
    public const string As = "as";
    public const string Default = "default";
    public const string Else = "else";
    public const string Not = "not";
    public const string Some = "some";
    public const string With = "with";
    public const string Null = "null";
    public const string True = "true";
    public const string False = "false";
    public const string If = "if";
    public const string Contains = "contains";
    public const string In = "in";
    public const string Every = "every";

    /// <summary>Keywords in every version of Rego.</summary>
    public static bool IsBase(ReadOnlySpan<char> text) => text switch
    {
        Package or Import or As or Default or Else or Not or Some or With or Null or True or False => true,
        _ => false,
    };

    /// <summary>The keywords v1 added, which v0 has only through <c>import future.keywords</c> or <c>import rego.v1</c>.</summary>
    public static FutureKeywords Future(ReadOnlySpan<char> text) => text switch
    {
        If => FutureKeywords.If,
        Contains => FutureKeywords.Contains,
        In => FutureKeywords.In,
        Every => FutureKeywords.Every,
        _ => FutureKeywords.None,
    };

    public static bool IsReserved(string text) => IsBase(text) || Future(text) != FutureKeywords.None;
}
