namespace Palisade.Rego.Values;

/// <summary>JSON's one-character escapes (<c>\" \\ \/ \b \f \n \r \t</c>), shared by Rego string literals and the JSON reader.</summary>
internal static class JsonEscapes
{
    /// <summary>The character a one-character escape stands for, or null when <paramref name="escape"/> is not one.</summary>
    public static char? Simple(char escape) => escape switch
    {
        '"' or '\\' or '/' => escape,
        'b' => '\b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => null,
    };
}
