namespace Palisade.Rego.Builtins.Time;

/// <summary>The elements of Go's reference-time layouts ("Mon Jan 2 15:04:05 MST 2006").</summary>
internal enum LayoutElement
{
    None,
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    pm,
    TZ,
    ISO8601TZ,
    ISO8601SecondsTZ,
    ISO8601ShortTZ,
    ISO8601ColonTZ,
    ISO8601ColonSecondsTZ,
    NumTZ,
    NumSecondsTz,
    NumShortTZ,
    NumColonTZ,
    NumColonSecondsTZ,
    FracSecond0,
    FracSecond9,
}

/// <summary>One element found in a layout: the literal text before it, the element, and the layout after it.</summary>
internal readonly record struct LayoutChunk(string Prefix, LayoutElement Element, string ElementText, string Suffix, int FracDigits, char FracSeparator);

/// <summary>Splits Go layouts into elements exactly as Go's <c>nextStdChunk</c> does, so odd layouts read the same.</summary>
internal static class GoLayout
{
    public static readonly string[] LongMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    public static readonly string[] LongDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>The named layouts <c>time.format</c> accepts in place of a layout.</summary>
    public static readonly IReadOnlyDictionary<string, string> Named = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ANSIC"] = "Mon Jan _2 15:04:05 2006",
        ["UnixDate"] = "Mon Jan _2 15:04:05 MST 2006",
        ["RubyDate"] = "Mon Jan 02 15:04:05 -0700 2006",
        ["RFC822"] = "02 Jan 06 15:04 MST",
        ["RFC822Z"] = "02 Jan 06 15:04 -0700",
        ["RFC850"] = "Monday, 02-Jan-06 15:04:05 MST",
        ["RFC1123"] = "Mon, 02 Jan 2006 15:04:05 MST",
        ["RFC1123Z"] = "Mon, 02 Jan 2006 15:04:05 -0700",
        ["RFC3339"] = "2006-01-02T15:04:05Z07:00",
        ["RFC3339Nano"] = "2006-01-02T15:04:05.999999999Z07:00",
        ["Kitchen"] = "3:04PM",
        ["Stamp"] = "Jan _2 15:04:05",
        ["StampMilli"] = "Jan _2 15:04:05.000",
        ["StampMicro"] = "Jan _2 15:04:05.000000",
        ["StampNano"] = "Jan _2 15:04:05.000000000",
        ["DateTime"] = "2006-01-02 15:04:05",
        ["DateOnly"] = "2006-01-02",
        ["TimeOnly"] = "15:04:05",
    };

    public const string RFC3339 = "2006-01-02T15:04:05Z07:00";
    public const string RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00";

    public static LayoutChunk Next(string layout)
    {
        for (var i = 0; i < layout.Length; i++)
        {
            var rest = layout.AsSpan(i);
            var found = Match(rest, out var length, out var fracDigits);
            if (found == LayoutElement.None)
            {
                continue;
            }

            if (found == LayoutElement.LongYear && rest[0] == '_')
            {
                // "_2006" is a literal underscore before a year, not a space-padded day.
                return new LayoutChunk(layout[..(i + 1)], LayoutElement.LongYear, "2006", layout[(i + 5)..], 0, '\0');
            }

            return new LayoutChunk(layout[..i], found, layout.Substring(i, length), layout[(i + length)..], fracDigits, found is LayoutElement.FracSecond0 or LayoutElement.FracSecond9 ? rest[0] : '\0');
        }

        return new LayoutChunk(layout, LayoutElement.None, "", "", 0, '\0');
    }

    private static LayoutElement Match(ReadOnlySpan<char> s, out int length, out int fracDigits)
    {
        fracDigits = 0;
        length = 0;
        switch (s[0])
        {
            case 'J' when s.StartsWith("Jan"):
                if (s.StartsWith("January"))
                {
                    return Found(7, LayoutElement.LongMonth, out length);
                }

                return StartsWithLower(s[3..]) ? LayoutElement.None : Found(3, LayoutElement.Month, out length);
            case 'M' when s.StartsWith("Mon"):
                if (s.StartsWith("Monday"))
                {
                    return Found(6, LayoutElement.LongWeekDay, out length);
                }

                return StartsWithLower(s[3..]) ? LayoutElement.None : Found(3, LayoutElement.WeekDay, out length);
            case 'M' when s.StartsWith("MST"):
                return Found(3, LayoutElement.TZ, out length);
            case '0' when s.Length > 1 && s[1] is >= '1' and <= '6':
                return Found(2, s[1] switch
                {
                    '1' => LayoutElement.ZeroMonth,
                    '2' => LayoutElement.ZeroDay,
                    '3' => LayoutElement.ZeroHour12,
                    '4' => LayoutElement.ZeroMinute,
                    '5' => LayoutElement.ZeroSecond,
                    _ => LayoutElement.Year,
                }, out length);
            case '0' when s.StartsWith("002"):
                return Found(3, LayoutElement.ZeroYearDay, out length);
            case '1':
                return s.Length > 1 && s[1] == '5' ? Found(2, LayoutElement.Hour, out length) : Found(1, LayoutElement.NumMonth, out length);
            case '2':
                return s.StartsWith("2006") ? Found(4, LayoutElement.LongYear, out length) : Found(1, LayoutElement.Day, out length);
            case '_' when s.Length > 1 && s[1] == '2':
                if (s.StartsWith("_2006"))
                {
                    return Found(5, LayoutElement.LongYear, out length);
                }

                return Found(2, LayoutElement.UnderDay, out length);
            case '_' when s.StartsWith("__2"):
                return Found(3, LayoutElement.UnderYearDay, out length);
            case '3':
                return Found(1, LayoutElement.Hour12, out length);
            case '4':
                return Found(1, LayoutElement.Minute, out length);
            case '5':
                return Found(1, LayoutElement.Second, out length);
            case 'P' when s.StartsWith("PM"):
                return Found(2, LayoutElement.PM, out length);
            case 'p' when s.StartsWith("pm"):
                return Found(2, LayoutElement.pm, out length);
            case '-':
                return s.StartsWith("-070000") ? Found(7, LayoutElement.NumSecondsTz, out length)
                    : s.StartsWith("-07:00:00") ? Found(9, LayoutElement.NumColonSecondsTZ, out length)
                    : s.StartsWith("-0700") ? Found(5, LayoutElement.NumTZ, out length)
                    : s.StartsWith("-07:00") ? Found(6, LayoutElement.NumColonTZ, out length)
                    : s.StartsWith("-07") ? Found(3, LayoutElement.NumShortTZ, out length)
                    : LayoutElement.None;
            case 'Z':
                return s.StartsWith("Z070000") ? Found(7, LayoutElement.ISO8601SecondsTZ, out length)
                    : s.StartsWith("Z07:00:00") ? Found(9, LayoutElement.ISO8601ColonSecondsTZ, out length)
                    : s.StartsWith("Z0700") ? Found(5, LayoutElement.ISO8601TZ, out length)
                    : s.StartsWith("Z07:00") ? Found(6, LayoutElement.ISO8601ColonTZ, out length)
                    : s.StartsWith("Z07") ? Found(3, LayoutElement.ISO8601ShortTZ, out length)
                    : LayoutElement.None;
            case '.' or ',' when s.Length > 1 && s[1] is '0' or '9':
                var digit = s[1];
                var j = 1;
                while (j < s.Length && s[j] == digit)
                {
                    j++;
                }

                // A run of digits followed by another digit is not a fraction ("15:04:05.0001" is not a thing).
                if (j < s.Length && char.IsAsciiDigit(s[j]))
                {
                    return LayoutElement.None;
                }

                fracDigits = j - 1;
                return Found(j, digit == '0' ? LayoutElement.FracSecond0 : LayoutElement.FracSecond9, out length);
            default:
                return LayoutElement.None;
        }
    }

    private static LayoutElement Found(int length, LayoutElement element, out int foundLength)
    {
        foundLength = length;
        return element;
    }

    private static bool StartsWithLower(ReadOnlySpan<char> s) => s.Length > 0 && s[0] is >= 'a' and <= 'z';
}
