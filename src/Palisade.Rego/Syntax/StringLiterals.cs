using System.Globalization;
using System.Text;
using Palisade.Rego.Values;

namespace Palisade.Rego.Syntax;

/// <summary>Decodes the text between the quotes of Rego string literals (JSON escapes; <c>\{</c> in template strings).</summary>
public static class StringLiterals
{
    /// <summary>Decodes a quoted string's body; null when an escape is malformed.</summary>
    public static string? Decode(string source, int start, int end, bool template)
    {
        var slash = source.AsSpan(start, end - start).IndexOf('\\');
        if (slash < 0)
        {
            return source.Substring(start, end - start);
        }

        var builder = new StringBuilder(end - start);
        builder.Append(source, start, slash);
        for (var i = start + slash; i < end; i++)
        {
            var c = source[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= end)
            {
                return null;
            }

            if (JsonEscapes.Simple(source[i]) is { } simple)
            {
                builder.Append(simple);
                continue;
            }

            switch (source[i])
            {
                case '{' when template:
                    builder.Append('{');
                    break;
                case 'u' when i + 4 < end
                    && ushort.TryParse(source.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    return null;
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes the text of a multi-line template string, where only <c>\{</c> is an escape.</summary>
    public static string DecodeRawTemplate(string source, int start, int end)
    {
        var text = source.Substring(start, end - start);
        return text.Contains("\\{", StringComparison.Ordinal) ? text.Replace("\\{", "{", StringComparison.Ordinal) : text;
    }
}
