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

        // Keywords are fine too: after a dot they are names (`input.if`), as in OPA 1.x.
        return true;
    }
}
