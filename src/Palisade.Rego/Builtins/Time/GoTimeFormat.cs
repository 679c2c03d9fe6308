using System.Globalization;
using System.Text;

namespace Palisade.Rego.Builtins.Time;

/// <summary>Go's <c>Time.Format</c>: renders a time through a reference-time layout.</summary>
internal static class GoTimeFormat
{
    public static string Format(GoTime time, string layout)
    {
        var builder = new StringBuilder();
        var (year, month, day) = time.Date;
        var (hour, minute, second) = time.Clock;
        while (layout.Length > 0)
        {
            var chunk = GoLayout.Next(layout);
            builder.Append(chunk.Prefix);
            if (chunk.Element == LayoutElement.None)
            {
                break;
            }

            layout = chunk.Suffix;
            switch (chunk.Element)
            {
                case LayoutElement.Year:
                    AppendInt(builder, GoTime.FloorMod(year, 100), 2);
                    break;
                case LayoutElement.LongYear:
                    AppendInt(builder, year, 4);
                    break;
                case LayoutElement.Month:
                    builder.Append(GoLayout.LongMonthNames[month - 1].AsSpan(0, 3));
                    break;
                case LayoutElement.LongMonth:
                    builder.Append(GoLayout.LongMonthNames[month - 1]);
                    break;
                case LayoutElement.NumMonth:
                    AppendInt(builder, month, 0);
                    break;
                case LayoutElement.ZeroMonth:
                    AppendInt(builder, month, 2);
                    break;
                case LayoutElement.WeekDay:
                    builder.Append(GoLayout.LongDayNames[time.Weekday].AsSpan(0, 3));
                    break;
                case LayoutElement.LongWeekDay:
                    builder.Append(GoLayout.LongDayNames[time.Weekday]);
                    break;
                case LayoutElement.Day:
                    AppendInt(builder, day, 0);
                    break;
                case LayoutElement.UnderDay:
                    builder.Append(day < 10 ? " " : "");
                    AppendInt(builder, day, 0);
                    break;
                case LayoutElement.ZeroDay:
                    AppendInt(builder, day, 2);
                    break;
                case LayoutElement.UnderYearDay:
                    builder.Append(time.YearDay < 100 ? (time.YearDay < 10 ? "  " : " ") : "");
                    AppendInt(builder, time.YearDay, 0);
                    break;
                case LayoutElement.ZeroYearDay:
                    AppendInt(builder, time.YearDay, 3);
                    break;
                case LayoutElement.Hour:
                    AppendInt(builder, hour, 2);
                    break;
                case LayoutElement.Hour12 or LayoutElement.ZeroHour12:
                    var hour12 = hour % 12 == 0 ? 12 : hour % 12;
                    AppendInt(builder, hour12, chunk.Element == LayoutElement.Hour12 ? 0 : 2);
                    break;
                case LayoutElement.Minute:
                    AppendInt(builder, minute, 0);
                    break;
                case LayoutElement.ZeroMinute:
                    AppendInt(builder, minute, 2);
                    break;
                case LayoutElement.Second:
                    AppendInt(builder, second, 0);
                    break;
                case LayoutElement.ZeroSecond:
                    AppendInt(builder, second, 2);
                    break;
                case LayoutElement.PM:
                    builder.Append(hour >= 12 ? "PM" : "AM");
                    break;
                case LayoutElement.pm:
                    builder.Append(hour >= 12 ? "pm" : "am");
                    break;
                case LayoutElement.TZ:
                    if (time.Zone.AbbreviationAt(time.UnixSeconds) is { } abbreviation)
                    {
                        builder.Append(abbreviation);
                    }
                    else
                    {
                        AppendOffset(builder, time.Offset, colon: false, minutes: true, seconds: false);
                    }

                    break;
                case LayoutElement.FracSecond0 or LayoutElement.FracSecond9:
                    AppendFraction(builder, time.Nanosecond, chunk);
                    break;
                default:
                    AppendZone(builder, time.Offset, chunk.Element);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void AppendZone(StringBuilder builder, int offset, LayoutElement element)
    {
        var iso = element is LayoutElement.ISO8601TZ or LayoutElement.ISO8601SecondsTZ or LayoutElement.ISO8601ShortTZ
            or LayoutElement.ISO8601ColonTZ or LayoutElement.ISO8601ColonSecondsTZ;
        if (iso && offset == 0)
        {
            builder.Append('Z');
            return;
        }

        var colon = element is LayoutElement.ISO8601ColonTZ or LayoutElement.NumColonTZ or LayoutElement.ISO8601ColonSecondsTZ or LayoutElement.NumColonSecondsTZ;
        var minutes = element is not (LayoutElement.NumShortTZ or LayoutElement.ISO8601ShortTZ);
        var seconds = element is LayoutElement.ISO8601SecondsTZ or LayoutElement.NumSecondsTz or LayoutElement.NumColonSecondsTZ or LayoutElement.ISO8601ColonSecondsTZ;
        AppendOffset(builder, offset, colon, minutes, seconds);
    }

    private static void AppendOffset(StringBuilder builder, int offset, bool colon, bool minutes, bool seconds)
    {
        var zone = offset / 60;
        var absOffset = offset;
        if (zone < 0)
        {
            builder.Append('-');
            zone = -zone;
            absOffset = -absOffset;
        }
        else
        {
            builder.Append('+');
        }

        AppendInt(builder, zone / 60, 2);
        if (minutes)
        {
            builder.Append(colon ? ":" : "");
            AppendInt(builder, zone % 60, 2);
        }

        if (seconds)
        {
            builder.Append(colon ? ":" : "");
            AppendInt(builder, absOffset % 60, 2);
        }
    }

    private static void AppendFraction(StringBuilder builder, int nanosecond, LayoutChunk chunk)
    {
        var digits = nanosecond.ToString("D9", CultureInfo.InvariantCulture);
        var count = Math.Min(chunk.FracDigits, 9);
        var fraction = digits[..count];
        if (chunk.Element == LayoutElement.FracSecond9)
        {
            // ".999" drops trailing zeros, and the separator too when nothing is left.
            fraction = fraction.TrimEnd('0');
            if (fraction.Length == 0)
            {
                return;
            }
        }

        builder.Append(chunk.FracSeparator).Append(fraction);
    }

    private static void AppendInt(StringBuilder builder, long value, int width)
    {
        if (value < 0)
        {
            builder.Append('-');
            value = -value;
        }

        builder.Append(value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
    }
}
