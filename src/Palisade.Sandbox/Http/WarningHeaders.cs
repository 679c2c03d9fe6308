using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Palisade.Sandbox.Http;

/// <summary>
/// Writes warnings as kube-apiserver does: one <c>Warning: 299 - "text"</c> header each, the text quoted as Go's
/// strconv quotes it, which is how kubectl unquotes it before printing <c>Warning: text</c>.
/// </summary>
internal static class WarningHeaders
{
    public static void Add(HttpResponse response, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            response.Headers.Append("Warning", "299 - " + Quote(warning));
        }
    }

    /// <summary>A Go-quoted string in ASCII only, since header values are sent as ASCII: other characters become \u or \U escapes.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            switch (value)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\t':
                    quoted.Append("\\t");
                    break;
                case >= 0x20 and < 0x7f:
                    quoted.Append((char)value);
                    break;
                case <= 0xffff:
                    quoted.Append("\\u").Append(value.ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    quoted.Append("\\U").Append(value.ToString("x8", CultureInfo.InvariantCulture));
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
