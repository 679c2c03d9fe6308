using System.Globalization;
using System.Text;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>
/// go-yaml v2 reads unquoted timestamps (2001-12-14, 2001-12-14T21:59:43.1Z, 2001-12-14 21:59:43) as times, which
/// become JSON strings in Go's RFC 3339 form (2001-12-14T00:00:00Z) on their way to OPA.
/// </summary>
internal static class YamlTimestamp
{
    public static bool TryNormalize(string text, out string normalized)
    {
        normalized = "";
        var i = 0;
        if (!Number(text, ref i, 4, 4, out var year) || !Expect(text, ref i, '-')
            || !Number(text, ref i, 1, 2, out var month) || !Expect(text, ref i, '-') || !Number(text, ref i, 1, 2, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        var fraction = "";
        var offset = TimeSpan.Zero;
        if (i < text.Length)
        {
            var separator = text[i++];
            if (separator is not ('T' or 't' or ' ')
                || !Number(text, ref i, 1, 2, out hour) || !Expect(text, ref i, ':')
                || !Number(text, ref i, 1, 2, out minute) || !Expect(text, ref i, ':') || !Number(text, ref i, 1, 2, out second))
            {
                return false;
            }

            if (i < text.Length && text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                fraction = text[start..i];
                if (fraction.Length is 0 or > 9)
                {
                    return false;
                }
            }

            // Only the T and t forms carry a zone, and it is required there: Z or ±hh:mm.
            if (separator != ' ')
            {
                if (i < text.Length && text[i] == 'Z')
                {
                    i++;
                }
                else if (i < text.Length && text[i] is '+' or '-')
                {
                    var negative = text[i++] == '-';
                    if (!Number(text, ref i, 2, 2, out var hours) || !Expect(text, ref i, ':') || !Number(text, ref i, 2, 2, out var minutes) || hours > 23 || minutes > 59)
                    {
                        return false;
                    }

                    offset = new TimeSpan(hours, minutes, 0) * (negative ? -1 : 1);
                }
                else
                {
                    return false;
                }
            }
        }

        if (i != text.Length || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)
            || hour > 23 || minute > 59 || second > 59 || year == 0)
        {
            return false;
        }

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}");
        var trimmed = fraction.TrimEnd('0');
        if (trimmed.Length > 0)
        {
            builder.Append('.').Append(trimmed);
        }

        if (offset == TimeSpan.Zero)
        {
            builder.Append('Z');
        }
        else
        {
            builder.Append(offset < TimeSpan.Zero ? '-' : '+').Append(CultureInfo.InvariantCulture, $"{Math.Abs(offset.Hours):00}:{Math.Abs(offset.Minutes):00}");
        }

        normalized = builder.ToString();
        return true;
    }

    private static bool Number(string text, ref int i, int min, int max, out int value)
    {
        var start = i;
        while (i < text.Length && i - start < max && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        value = i - start >= min ? int.Parse(text.AsSpan(start, i - start), CultureInfo.InvariantCulture) : 0;
        return i - start >= min;
    }

    private static bool Expect(string text, ref int i, char c)
    {
        if (i < text.Length && text[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }
}
