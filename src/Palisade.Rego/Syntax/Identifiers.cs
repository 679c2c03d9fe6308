namespace Palisade.Rego.Syntax;

/// <summary>Rego's identifier characters: ASCII letters, digits and underscore, not starting with a digit.</summary>
public static class Identifiers
{
    public static bool IsStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    public static bool IsPart(char c) => IsStart(c) || (uint)(c - '0') <= 9;

    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !IsStart(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!IsPart(text[i]))
            {
                return false;
            }
        }

        // A keyword cannot be written after a dot in every version, so printing it in brackets is the safe choice.
        return !Keywords.IsReserved(text);
    }
}
