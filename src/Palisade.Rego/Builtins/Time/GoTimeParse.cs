namespace Palisade.Rego.Builtins.Time;

/// <summary>
/// Go's <c>time.Parse</c>: reads a value through a reference-time layout, failing with Go's own messages
/// (<c>parsing time "x" as "2006-01-02": cannot parse "x" as "2006"</c>), which OPA passes through.
/// </summary>
internal static class GoTimeParse
{
    private sealed class BadException : Exception;

    public static GoTime Parse(string layout, string value)
    {
        var originalLayout = layout;
        var originalValue = value;
        var pmSet = false;
        var amSet = false;
        long year = 0;
        int month = -1, day = -1, yearDay = -1, hour = 0, minute = 0, second = 0, nanosecond = 0;
        GoZone? zone = null;
        var zoneOffset = -1;
        string? zoneName = null;

        while (true)
        {
            var chunk = GoLayout.Next(layout);
            if (!Skip(ref value, chunk.Prefix))
            {
                throw Error(originalLayout, originalValue, chunk.Prefix, value, "");
            }

            if (chunk.Element == LayoutElement.None)
            {
                if (value.Length != 0)
                {
                    throw Error(originalLayout, originalValue, "", value, ": extra text: " + Quote(value));
                }

                break;
            }

            layout = chunk.Suffix;
            var hold = value;
            string? rangeError = null;
            try
            {
                switch (chunk.Element)
                {
                    case LayoutElement.Year:
                        Require(value.Length >= 2);
                        year = Atoi(value[..2]);
                        value = value[2..];
                        year += year >= 69 ? 1900 : 2000;
                        break;
                    case LayoutElement.LongYear:
                        Require(value.Length >= 4 && IsDigit(value, 0));
                        year = Atoi(value[..4]);
                        value = value[4..];
                        break;
                    case LayoutElement.Month:
                        month = Lookup(GoLayout.LongMonthNames, 3, ref value) + 1;
                        break;
                    case LayoutElement.LongMonth:
                        month = Lookup(GoLayout.LongMonthNames, 0, ref value) + 1;
                        break;
                    case LayoutElement.NumMonth or LayoutElement.ZeroMonth:
                        month = GetNum(ref value, chunk.Element == LayoutElement.ZeroMonth);
                        rangeError = month is <= 0 or > 12 ? "month" : null;
                        break;
                    case LayoutElement.WeekDay:
                        Lookup(GoLayout.LongDayNames, 3, ref value);
                        break;
                    case LayoutElement.LongWeekDay:
                        Lookup(GoLayout.LongDayNames, 0, ref value);
                        break;
                    case LayoutElement.Day or LayoutElement.UnderDay or LayoutElement.ZeroDay:
                        if (chunk.Element == LayoutElement.UnderDay && value.Length > 0 && value[0] == ' ')
                        {
                            value = value[1..];
                        }

                        // Any one- or two-digit day; the date as a whole is checked at the end.
                        day = GetNum(ref value, chunk.Element == LayoutElement.ZeroDay);
                        break;
                    case LayoutElement.UnderYearDay or LayoutElement.ZeroYearDay:
                        for (var i = 0; i < 2 && chunk.Element == LayoutElement.UnderYearDay && value.Length > 0 && value[0] == ' '; i++)
                        {
                            value = value[1..];
                        }

                        yearDay = GetNum3(ref value, chunk.Element == LayoutElement.ZeroYearDay);
                        rangeError = yearDay is < 1 or > 366 ? "day-of-year" : null;
                        break;
                    case LayoutElement.Hour:
                        hour = GetNum(ref value, false);
                        rangeError = hour is < 0 or >= 24 ? "hour" : null;
                        break;
                    case LayoutElement.Hour12 or LayoutElement.ZeroHour12:
                        hour = GetNum(ref value, chunk.Element == LayoutElement.ZeroHour12);
                        rangeError = hour is < 0 or > 12 ? "hour" : null;
                        break;
                    case LayoutElement.Minute or LayoutElement.ZeroMinute:
                        minute = GetNum(ref value, chunk.Element == LayoutElement.ZeroMinute);
                        rangeError = minute is < 0 or >= 60 ? "minute" : null;
                        break;
                    case LayoutElement.Second or LayoutElement.ZeroSecond:
                        second = GetNum(ref value, chunk.Element == LayoutElement.ZeroSecond);
                        if (second is < 0 or >= 60)
                        {
                            rangeError = "second";
                            break;
                        }

                        // A fraction the layout does not mention is still read, unless the layout's next element is one.
                        if (value.Length >= 2 && value[0] is '.' or ',' && IsDigit(value, 1))
                        {
                            var next = GoLayout.Next(layout);
                            if (next.Element is LayoutElement.FracSecond0 or LayoutElement.FracSecond9)
                            {
                                break;
                            }

                            var n = 2;
                            while (n < value.Length && IsDigit(value, n))
                            {
                                n++;
                            }

                            nanosecond = ParseNanoseconds(value, n, ref rangeError);
                            value = value[n..];
                        }

                        break;
                    case LayoutElement.PM or LayoutElement.pm:
                        Require(value.Length >= 2);
                        var marker = value[..2];
                        var upper = chunk.Element == LayoutElement.PM;
                        if (marker == (upper ? "PM" : "pm"))
                        {
                            pmSet = true;
                        }
                        else if (marker == (upper ? "AM" : "am"))
                        {
                            amSet = true;
                        }
                        else
                        {
                            throw new BadException();
                        }

                        value = value[2..];
                        break;
                    case LayoutElement.TZ:
                        if (value.StartsWith("UTC", StringComparison.Ordinal))
                        {
                            zone = GoZone.Utc;
                            value = value[3..];
                            break;
                        }

                        var length = TimeZoneLength(value);
                        Require(length > 0);
                        zoneName = value[..length];
                        value = value[length..];
                        break;
                    case LayoutElement.FracSecond0:
                        // ".000" wants exactly that many digits.
                        var digits = 1 + chunk.FracDigits;
                        Require(value.Length >= digits);
                        nanosecond = ParseNanoseconds(value, digits, ref rangeError);
                        value = value[digits..];
                        break;
                    case LayoutElement.FracSecond9:
                        if (value.Length < 2 || value[0] is not ('.' or ',') || !IsDigit(value, 1))
                        {
                            break;
                        }

                        var end = 1;
                        while (IsDigit(value, end))
                        {
                            end++;
                        }

                        nanosecond = ParseNanoseconds(value, end, ref rangeError);
                        value = value[end..];
                        break;
                    default:
                        var parsed = ParseZoneOffset(chunk.Element, ref value, ref rangeError);
                        if (parsed is null)
                        {
                            zone = GoZone.Utc;
                        }
                        else
                        {
                            zoneOffset = parsed.Value;
                        }

                        break;
                }
            }
            catch (BadException)
            {
                throw Error(originalLayout, originalValue, chunk.ElementText, hold, "");
            }

            if (rangeError is not null)
            {
                throw Error(originalLayout, originalValue, chunk.ElementText, value, ": " + rangeError + " out of range");
            }
        }

        if (pmSet && hour < 12)
        {
            hour += 12;
        }
        else if (amSet && hour == 12)
        {
            hour = 0;
        }

        if (yearDay >= 0)
        {
            var leap = GoTime.IsLeap(year);
            if (yearDay == 366 && !leap)
            {
                throw Error(originalLayout, originalValue, "", value, ": day-of-year out of range");
            }

            var (_, dayMonth, dayOfMonth) = GoTime.CivilFromDays(GoTime.DaysFromCivil(year, 1, 1) + yearDay - 1);
            if (month >= 0 && month != dayMonth)
            {
                throw Error(originalLayout, originalValue, "", value, ": day-of-year does not match month");
            }

            if (day >= 0 && day != dayOfMonth)
            {
                throw Error(originalLayout, originalValue, "", value, ": day-of-year does not match day");
            }

            month = dayMonth;
            day = dayOfMonth;
        }
        else
        {
            month = month < 0 ? 1 : month;
            day = day < 0 ? 1 : day;
        }

        if (day < 1 || day > GoTime.DaysIn(month, year))
        {
            throw Error(originalLayout, originalValue, "", value, ": day out of range");
        }

        // A zone named but not known has an unknown offset, which Go takes as zero, except for "GMT+3" style names.
        if (zone is null && zoneOffset == -1 && zoneName is not null)
        {
            zoneOffset = zoneName.Length > 3 && zoneName.StartsWith("GMT", StringComparison.Ordinal) && int.TryParse(zoneName[3..], out var hours) ? hours * 3600 : 0;
        }

        long shift = zone is not null || zoneOffset == -1 ? 0 : zoneOffset;
        var result = GoTime.Normalise(year, month, day, hour, minute, second, nanosecond, GoZone.Utc)!.Value;
        return result with { UnixSeconds = result.UnixSeconds - shift };
    }

    /// <summary>
    /// The signed offset in seconds, or null for a "Z" the ISO 8601 elements accept for UTC.
    /// Offsets may reach 24h, 60m and 60s, as some write them.
    /// </summary>
    private static int? ParseZoneOffset(LayoutElement element, ref string value, ref string? rangeError)
    {
        var iso = element is LayoutElement.ISO8601TZ or LayoutElement.ISO8601SecondsTZ or LayoutElement.ISO8601ShortTZ
            or LayoutElement.ISO8601ColonTZ or LayoutElement.ISO8601ColonSecondsTZ;
        if (iso && value.Length >= 1 && value[0] == 'Z')
        {
            value = value[1..];
            return null;
        }

        string sign, hh, mm, ss = "00";
        switch (element)
        {
            case LayoutElement.ISO8601TZ or LayoutElement.NumTZ:
                Require(value.Length >= 5);
                (sign, hh, mm) = (value[..1], value[1..3], value[3..5]);
                value = value[5..];
                break;
            case LayoutElement.ISO8601ShortTZ or LayoutElement.NumShortTZ:
                Require(value.Length >= 3);
                (sign, hh, mm) = (value[..1], value[1..3], "00");
                value = value[3..];
                break;
            case LayoutElement.ISO8601ColonTZ or LayoutElement.NumColonTZ:
                Require(value.Length >= 6 && value[3] == ':');
                (sign, hh, mm) = (value[..1], value[1..3], value[4..6]);
                value = value[6..];
                break;
            case LayoutElement.ISO8601ColonSecondsTZ or LayoutElement.NumColonSecondsTZ:
                Require(value.Length >= 9 && value[3] == ':' && value[6] == ':');
                (sign, hh, mm, ss) = (value[..1], value[1..3], value[4..6], value[7..9]);
                value = value[9..];
                break;
            default:
                Require(value.Length >= 7);
                (sign, hh, mm, ss) = (value[..1], value[1..3], value[3..5], value[5..7]);
                value = value[7..];
                break;
        }

        var h = GetNum(ref hh, true);
        var m = GetNum(ref mm, true);
        var s = GetNum(ref ss, true);
        rangeError = h > 24 ? "time zone offset hour" : m > 60 ? "time zone offset minute" : s > 60 ? "time zone offset second" : null;
        var offset = (h * 60 + m) * 60 + s;
        return sign switch
        {
            "+" => offset,
            "-" => -offset,
            _ => throw new BadException(),
        };
    }

    private static int ParseNanoseconds(string value, int length, ref string? rangeError)
    {
        if (value[0] is not ('.' or ','))
        {
            throw new BadException();
        }

        if (length > 10)
        {
            value = value[..10];
            length = 10;
        }

        var ns = (int)Atoi(value[1..length]);
        if (ns < 0)
        {
            rangeError = "fractional second";
            return 0;
        }

        for (var i = 0; i < 10 - length; i++)
        {
            ns *= 10;
        }

        return ns;
    }

    /// <summary>How much of the value looks like a zone abbreviation ("PST", "CEST", "ChST", "GMT+3"), 0 if none.</summary>
    private static int TimeZoneLength(string value)
    {
        if (value.Length < 3)
        {
            return 0;
        }

        if (value.Length >= 4 && (value[..4] == "ChST" || value[..4] == "MeST"))
        {
            return 4;
        }

        if (value.StartsWith("GMT", StringComparison.Ordinal))
        {
            return 3 + SignedOffsetLength(value[3..]);
        }

        if (value[0] is '+' or '-')
        {
            return SignedOffsetLength(value);
        }

        var upper = 0;
        while (upper < value.Length && value[upper] is >= 'A' and <= 'Z')
        {
            upper++;
        }

        return upper switch
        {
            3 => 3,
            4 => value[3] == 'T' || value[..4] == "WITA" ? 4 : 0,
            5 => value[4] == 'T' ? 5 : 0,
            _ => 0,
        };
    }

    /// <summary>"+3", "-10": a sign and an hour offset within ±23, as Go's <c>parseSignedOffset</c>.</summary>
    private static int SignedOffsetLength(string value)
    {
        if (value.Length == 0 || value[0] is not ('+' or '-'))
        {
            return 0;
        }

        var end = 1;
        while (end < value.Length && IsDigit(value, end))
        {
            end++;
        }

        if (end == 1 || !int.TryParse(value[1..end], out var hours) || hours > 23)
        {
            return 0;
        }

        return end;
    }

    private static int Lookup(string[] names, int length, ref string value)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var name = length == 0 ? names[i] : names[i][..length];
            if (value.Length >= name.Length && string.Equals(value[..name.Length], name, StringComparison.OrdinalIgnoreCase))
            {
                value = value[name.Length..];
                return i;
            }
        }

        throw new BadException();
    }

    private static int GetNum(ref string value, bool fixedWidth)
    {
        Require(IsDigit(value, 0));
        if (!IsDigit(value, 1))
        {
            Require(!fixedWidth);
            var single = value[0] - '0';
            value = value[1..];
            return single;
        }

        var number = (value[0] - '0') * 10 + value[1] - '0';
        value = value[2..];
        return number;
    }

    private static int GetNum3(ref string value, bool fixedWidth)
    {
        var n = 0;
        var i = 0;
        for (; i < 3 && IsDigit(value, i); i++)
        {
            n = n * 10 + value[i] - '0';
        }

        Require(i != 0 && (!fixedWidth || i == 3));
        value = value[i..];
        return n;
    }

    /// <summary>Go's <c>atoi</c>: an optional sign and decimal digits, nothing else.</summary>
    private static long Atoi(string text)
    {
        var negative = false;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        Require(text.Length > 0 && text.All(char.IsAsciiDigit));
        var value = long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    /// <summary>Go's <c>skip</c>: the literal text between elements; a space in the layout matches any run of spaces.</summary>
    private static bool Skip(ref string value, string prefix)
    {
        while (prefix.Length > 0)
        {
            if (prefix[0] == ' ')
            {
                if (value.Length > 0 && value[0] != ' ')
                {
                    return false;
                }

                prefix = prefix.TrimStart(' ');
                value = value.TrimStart(' ');
                continue;
            }

            if (value.Length == 0 || value[0] != prefix[0])
            {
                return false;
            }

            prefix = prefix[1..];
            value = value[1..];
        }

        return true;
    }

    private static bool IsDigit(string s, int i) => i < s.Length && char.IsAsciiDigit(s[i]);

    private static void Require(bool condition)
    {
        if (!condition)
        {
            throw new BadException();
        }
    }

    private static BuiltinException Error(string layout, string value, string layoutElement, string valueElement, string message) =>
        new(message.Length == 0
            ? $"parsing time {Quote(value)} as {Quote(layout)}: cannot parse {Quote(valueElement)} as {Quote(layoutElement)}"
            : $"parsing time {Quote(value)}{message}");

    /// <summary>Go's quoting in time errors: double quotes, with quotes and backslashes escaped.</summary>
    public static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
