using System.Text;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>Strings as sequences of Unicode code points, which is how OPA counts and indexes them.</summary>
internal static class Runes
{
    public static int[] Of(string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune.Value);
        }

        return [.. runes];
    }

    public static string ToText(ReadOnlySpan<int> runes)
    {
        var builder = new StringBuilder(runes.Length);
        foreach (var rune in runes)
        {
            builder.Append(new Rune(rune).ToString());
        }

        return builder.ToString();
    }

    public static int Count(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>The UTF-16 length of the code point starting at <paramref name="index"/>.</summary>
    public static int WidthAt(string text, int index) =>
        index + 1 < text.Length && char.IsHighSurrogate(text[index]) && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
}
