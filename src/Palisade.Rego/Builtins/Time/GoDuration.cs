namespace Palisade.Rego.Builtins.Time;

/// <summary>Go's <c>time.ParseDuration</c>: "300ms", "-1.5h", "2h45m", with Go's limits and messages.</summary>
internal static class GoDuration
{
    private const ulong Limit = 1UL << 63;

    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["\u00b5s"] = 1_000,
        ["\u03bcs"] = 1_000,
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,
    };

    public static long Parse(string text)
    {
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return 0;
        }

        if (s.Length == 0)
        {
            throw Invalid(text);
        }

        ulong total = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                throw Invalid(text);
            }

            var before = s.Length;
            if (!LeadingInt(ref s, out var whole))
            {
                throw Invalid(text);
            }

            var hasWhole = before != s.Length;
            var hasFraction = false;
            ulong fraction = 0;
            var scale = 1.0;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                before = s.Length;
                (fraction, scale) = LeadingFraction(ref s);
                hasFraction = before != s.Length;
            }

            if (!hasWhole && !hasFraction)
            {
                throw Invalid(text);
            }

            var i = 0;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == 0)
            {
                throw new BuiltinException($"time: missing unit in duration {GoTimeParse.Quote(text)}");
            }

            var unitName = s[..i];
            s = s[i..];
            if (!Units.TryGetValue(unitName, out var unit))
            {
                throw new BuiltinException($"time: unknown unit {GoTimeParse.Quote(unitName)} in duration {GoTimeParse.Quote(text)}");
            }

            if (whole > Limit / unit)
            {
                throw Invalid(text);
            }

            whole *= unit;
            if (fraction > 0)
            {
                // Go adds the fraction in floating point, truncating.
                whole += (ulong)(fraction * (unit / scale));
                if (whole > Limit)
                {
                    throw Invalid(text);
                }
            }

            total += whole;
            if (total > Limit)
            {
                throw Invalid(text);
            }
        }

        if (negative)
        {
            return total == Limit ? long.MinValue : -(long)total;
        }

        return total > long.MaxValue ? throw Invalid(text) : (long)total;
    }

    private static bool LeadingInt(ref string s, out ulong value)
    {
        value = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (value > Limit / 10)
            {
                return false;
            }

            value = value * 10 + (ulong)(s[i] - '0');
            if (value > Limit)
            {
                return false;
            }
        }

        s = s[i..];
        return true;
    }

    /// <summary>Digits after the point; those beyond what 63 bits hold are read and dropped.</summary>
    private static (ulong Value, double Scale) LeadingFraction(ref string s)
    {
        ulong value = 0;
        var scale = 1.0;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow)
            {
                continue;
            }

            if (value > (Limit - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var next = value * 10 + (ulong)(s[i] - '0');
            if (next > Limit)
            {
                overflow = true;
                continue;
            }

            value = next;
            scale *= 10;
        }

        s = s[i..];
        return (value, scale);
    }

    private static BuiltinException Invalid(string text) => new($"time: invalid duration {GoTimeParse.Quote(text)}");
}
