using System.Text;

namespace Palisade.Policy.Reporting;

/// <summary>
/// Go's <c>encoding/xml</c> escaping, which conftest's JUnit output goes through: the five markup characters as
/// numeric or named references, tab and line breaks as <c>&amp;#x9;</c>/<c>&amp;#xA;</c>/<c>&amp;#xD;</c> (so a
/// multi-line message stays on one line), and characters XML cannot hold replaced by U+FFFD.
/// </summary>
internal static class GoXmlText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            escaped.Append(rune.Value switch
            {
                '"' => "&#34;",
                '\'' => "&#39;",
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\t' => "&#x9;",
                '\n' => "&#xA;",
                '\r' => "&#xD;",
                var c when IsXmlChar(c) => rune.ToString(),
                _ => "\uFFFD",
            });
        }

        return escaped.ToString();
    }

    private static bool IsXmlChar(int c) =>
        c is >= 0x20 and <= 0xD7FF or >= 0xE000 and <= 0xFFFD or >= 0x10000 and <= 0x10FFFF;
}
