using System.Globalization;
using System.Numerics;
using System.Text;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>
/// Go's strconv.FormatFloat for the 'e', 'f' and 'g' formats: exact decimal expansion of the double, rounded half to
/// even at the requested digit, or the shortest digits that read back the same when no precision is given.
/// </summary>
internal static class GoFloat
{
    /// <summary>Formats a finite, non-negative double; the caller adds the sign.</summary>
    public static string Format(double value, char verb, int precision)
    {
        var upper = char.IsUpper(verb);
        var format = char.ToLowerInvariant(verb);
        var shortest = precision < 0;
        Digits digits;
        if (shortest)
        {
            digits = Shortest(value);
        }
        else
        {
            digits = Exact(value);
            switch (format)
            {
                case 'e':
                    digits = digits.Round(precision + 1);
                    break;
                case 'f':
                    digits = digits.Round(digits.Point + precision);
                    break;
                default:
                    digits = digits.Round(precision == 0 ? 1 : precision);
                    break;
            }
        }

        switch (format)
        {
            case 'e':
                return E(digits, shortest ? digits.Count - 1 : precision, upper);
            case 'f':
                return F(digits, shortest ? Math.Max(digits.Count - digits.Point, 0) : precision);
            default:
                var eprec = shortest ? 6 : (precision == 0 ? 1 : precision);
                if (!shortest && eprec > digits.Count && digits.Count >= digits.Point)
                {
                    eprec = digits.Count;
                }

                var p = shortest ? digits.Count : (precision == 0 ? 1 : precision);
                var exponent = digits.Point - 1;
                if (exponent < -4 || exponent >= eprec)
                {
                    return E(digits, Math.Min(p, digits.Count) - 1, upper);
                }

                return F(digits, Math.Max((p > digits.Point ? digits.Count : p) - digits.Point, 0));
        }
    }

    private static string E(Digits d, int precision, bool upper)
    {
        var builder = new StringBuilder();
        builder.Append(d.Count == 0 ? '0' : d.Text[0]);
        if (precision > 0)
        {
            builder.Append('.');
            for (var i = 1; i <= precision; i++)
            {
                builder.Append(i < d.Count ? d.Text[i] : '0');
            }
        }

        var exponent = d.Count == 0 ? 0 : d.Point - 1;
        builder.Append(upper ? 'E' : 'e').Append(exponent < 0 ? '-' : '+');
        builder.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static string F(Digits d, int precision)
    {
        var builder = new StringBuilder();
        if (d.Point > 0)
        {
            for (var i = 0; i < d.Point; i++)
            {
                builder.Append(i < d.Count ? d.Text[i] : '0');
            }
        }
        else
        {
            builder.Append('0');
        }

        if (precision > 0)
        {
            builder.Append('.');
            for (var i = 0; i < precision; i++)
            {
                var j = d.Point + i;
                builder.Append(j >= 0 && j < d.Count ? d.Text[j] : '0');
            }
        }

        return builder.ToString();
    }

    private static Digits Shortest(double value)
    {
        if (value == 0)
        {
            return new Digits("", 0);
        }

        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intDigits = dot < 0 ? mantissa.Length : dot;
        var all = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leading = all.Length - all.TrimStart('0').Length;
        return new Digits(all.Trim('0'), exponent + intDigits - leading);
    }

    /// <summary>Every decimal digit of the double (a double is a dyadic rational, so its expansion ends).</summary>
    private static Digits Exact(double value)
    {
        if (value == 0)
        {
            return new Digits("", 0);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        string text;
        int point;
        if (exponent >= 0)
        {
            text = (new BigInteger(mantissa) << exponent).ToString(CultureInfo.InvariantCulture);
            point = text.Length;
        }
        else
        {
            text = (new BigInteger(mantissa) * BigInteger.Pow(5, -exponent)).ToString(CultureInfo.InvariantCulture);
            point = text.Length + exponent;
        }

        var trimmed = text.TrimEnd('0');
        return new Digits(trimmed, point);
    }

    /// <summary>Decimal digits without leading or trailing zeros; the value is 0.Text × 10^Point.</summary>
    private readonly record struct Digits(string Text, int Point)
    {
        public int Count => Text.Length;

        /// <summary>Keeps <paramref name="count"/> significant digits, rounding half to even as Go does.</summary>
        public Digits Round(int count)
        {
            if (count < 0 || count >= Text.Length)
            {
                return count < 0 ? new Digits("", Point) : this;
            }

            var up = Text[count] > '5' || (Text[count] == '5' && (count + 1 < Text.Length || (count > 0 && (Text[count - 1] - '0') % 2 == 1)));
            var kept = Text[..count].ToCharArray();
            var point = Point;
            if (up)
            {
                var i = count - 1;
                while (i >= 0 && kept[i] == '9')
                {
                    kept[i] = '0';
                    i--;
                }

                if (i < 0)
                {
                    return new Digits("1", point + 1);
                }

                kept[i]++;
            }

            return new Digits(new string(kept).TrimEnd('0'), point);
        }
    }
}
