namespace Palisade.Kube.Calico.Selectors;

/// <summary>The lexical rules of Calico selectors that the parser and the AST constructors must agree on.</summary>
internal static class SelectorText
{
    public const int MaxLabelLength = 512;

    public static bool IsLabelChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '/' or '-';

    // Calico skips only spaces and tabs between tokens; a line break is an error there, so it is one here too.
    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>
    /// Rejects labels the parser could never produce, so that every AST prints as text that parses back to it.
    /// </summary>
    public static string CheckLabel(string label, string paramName)
    {
        ArgumentNullException.ThrowIfNull(label, paramName);
        if (label.Length is 0 or > MaxLabelLength || !label.All(IsLabelChar))
        {
            throw new ArgumentException(
                $"'{label}' is not a Calico label name: 1 to {MaxLabelLength} characters of a-z, A-Z, 0-9, '_', '.', '/' and '-'",
                paramName);
        }

        return label;
    }

    /// <summary>Calico strings have no escapes, so a value holding both quote characters cannot be written.</summary>
    public static string CheckValue(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Contains('\'') && value.Contains('"'))
        {
            throw new ArgumentException("a Calico selector string cannot hold both ' and \" (there are no escapes)", paramName);
        }

        return value;
    }

    public static string Quote(string value) => value.Contains('\'') ? $"\"{value}\"" : $"'{value}'";
}
