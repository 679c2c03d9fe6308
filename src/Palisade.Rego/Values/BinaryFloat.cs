using System.Globalization;
using System.Numerics;
using System.Text;

namespace Palisade.Rego.Values;

/// <summary>
/// A binary floating-point number of a given mantissa precision, rounded to nearest even: the arithmetic OPA does on
/// non-integers (Go's <c>big.Float</c>, which OPA uses at its default precision of 64 bits when it reads a number's
/// text). Results are printed as OPA prints them, so that <c>0.1 + 0.2</c> and <c>1 / 3</c> come out digit for digit.
/// </summary>
/// <remarks>
/// The value is <c>(-1)^Negative × Mantissa × 2^Exponent</c>. A zero keeps its sign, as Go's does (<c>0 / -1</c> is
/// printed as <c>-0</c>). Mantissas never exceed <see cref="Precision"/> bits.
/// </remarks>
internal readonly struct BinaryFloat
{
    /// <summary>The precision Go gives a big.Float read from text.</summary>
    public const int DefaultPrecision = 64;

    private BinaryFloat(bool negative, BigInteger mantissa, int exponent, int precision)
    {
        Negative = negative;
        Mantissa = mantissa;
        Exponent = exponent;
        Precision = precision;
    }

    public bool Negative { get; }

    public BigInteger Mantissa { get; }

    public int Exponent { get; }

    public int Precision { get; }

    public bool IsZero => Mantissa.IsZero;

    /// <summary>True when the value has no fractional part (zero included).</summary>
    public bool IsInteger => Exponent >= 0 || Mantissa.IsZero || (Mantissa & ((BigInteger.One << -Exponent) - 1)).IsZero;

    /// <summary>An integer exactly: precision grows to hold it, as Go's SetInt does.</summary>
    public static BinaryFloat FromInteger(BigInteger value) =>
        Round(value.Sign < 0, BigInteger.Abs(value), BigInteger.One, Math.Max(DefaultPrecision, (int)BigInteger.Abs(value).GetBitLength()));

    /// <summary>A double exactly, at precision 53 (Go's NewFloat).</summary>
    public static BinaryFloat FromDouble(double value)
    {
        if (value == 0)
        {
            return new BinaryFloat(double.IsNegative(value), BigInteger.Zero, 0, 53);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        var mantissa = exponent == 0 ? fraction : fraction | (1L << 52);
        var power = (exponent == 0 ? 1 : exponent) - 1075;
        return Normalize(value < 0, mantissa, power, 53);
    }

    /// <summary>A number's decimal text, rounded to the default precision, as OPA reads numbers into big.Float.</summary>
    public static BinaryFloat Parse(string text) => Parse(text, DefaultPrecision);

    public static BinaryFloat Parse(string text, int precision)
    {
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var e = span.IndexOfAny('e', 'E');
        var exponent = 0;
        if (e >= 0)
        {
            if (!int.TryParse(span[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > 1_000_000_000)
            {
                throw new OverflowException($"exponent of {text} out of range");
            }
            span = span[..e];
        }

        var dot = span.IndexOf('.');
        var digits = span;
        if (dot >= 0)
        {
            digits = string.Concat(span[..dot], span[(dot + 1)..]).AsSpan();
            exponent -= span.Length - dot - 1;
        }

        var mantissa = digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (mantissa.IsZero)
        {
            return new BinaryFloat(negative, BigInteger.Zero, 0, precision);
        }

        if (Math.Abs(exponent) > MaxExactPowerOfFive)
        {
            // Go scales the digits by a power of five that it can no longer hold exactly; follow its steps so that
            // the last bit comes out as Go's does.
            var digitsTimesTwo = new BinaryFloat(negative, mantissa, exponent, precision);
            var power = PowerOfFive(Math.Abs(exponent), precision + 64);
            return exponent < 0 ? Divide(digitsTimesTwo, power, precision) : Multiply(digitsTimesTwo, power, precision);
        }

        return exponent >= 0
            ? Round(negative, mantissa * BigInteger.Pow(10, exponent), BigInteger.One, precision)
            : Round(negative, mantissa, BigInteger.Pow(10, -exponent), precision);
    }

    /// <summary>The largest binary exponent printed; beyond it, formatting throws <see cref="OverflowException"/>.</summary>
    private const int MaxPrintableExponent = 400_000;

    /// <summary>The largest n for which Go's 128-bit 5^n is exact, so that reading text is correctly rounded.</summary>
    private const int MaxExactPowerOfFive = 55;

    /// <summary>5^n as Go's big.Float pow5 computes it: 5^27 exactly, then squarings at 64 more bits.</summary>
    private static BinaryFloat PowerOfFive(int n, int precision)
    {
        const int Largest = 27;
        var z = Normalize(false, BigInteger.Pow(5, Largest), 0, precision);
        n -= Largest;
        var f = Normalize(false, 5, 0, precision + 64);
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                z = Multiply(z, f, precision);
            }

            f = Multiply(f, f, precision + 64);
            n >>= 1;
        }

        return z;
    }

    public static BinaryFloat operator +(BinaryFloat a, BinaryFloat b) => Add(a, b, b.Negative);

    public static BinaryFloat operator -(BinaryFloat a, BinaryFloat b) => Add(a, b, !b.Negative);

    public static BinaryFloat operator *(BinaryFloat a, BinaryFloat b) => Multiply(a, b, Math.Max(a.Precision, b.Precision));

    /// <summary>The product rounded to a given precision (Go's z.Mul when z already has a precision).</summary>
    public static BinaryFloat Multiply(BinaryFloat a, BinaryFloat b, int precision)
    {
        var negative = a.Negative != b.Negative;
        return a.IsZero || b.IsZero
            ? new BinaryFloat(negative, BigInteger.Zero, 0, precision)
            : Normalize(negative, a.Mantissa * b.Mantissa, a.Exponent + b.Exponent, precision);
    }

    /// <summary>The quotient, correctly rounded. The caller rules out a zero divisor.</summary>
    public static BinaryFloat operator /(BinaryFloat a, BinaryFloat b) => Divide(a, b, Math.Max(a.Precision, b.Precision));

    public static BinaryFloat Divide(BinaryFloat a, BinaryFloat b, int precision)
    {
        if (b.IsZero)
        {
            throw new DivideByZeroException();
        }

        var negative = a.Negative != b.Negative;
        if (a.IsZero)
        {
            return new BinaryFloat(negative, BigInteger.Zero, 0, precision);
        }

        // a/b = (ma / mb) × 2^(ea − eb): scale the quotient of mantissas into place as a rational.
        var shift = a.Exponent - b.Exponent;
        var numerator = shift >= 0 ? a.Mantissa << shift : a.Mantissa;
        var denominator = shift >= 0 ? b.Mantissa : b.Mantissa << -shift;
        return Round(negative, numerator, denominator, precision);
    }

    public BinaryFloat Abs() => new(false, Mantissa, Exponent, Precision);

    /// <summary>The integer part, truncated toward zero (Go's Float.Int).</summary>
    public BigInteger Truncate()
    {
        var magnitude = Exponent >= 0 ? Mantissa << Exponent : Mantissa >> -Exponent;
        return Negative ? -magnitude : magnitude;
    }

    public int CompareTo(BinaryFloat other)
    {
        var sign = SignOf(this);
        var otherSign = SignOf(other);
        if (sign != otherSign)
        {
            return sign.CompareTo(otherSign);
        }

        var shift = Math.Min(Exponent, other.Exponent);
        var x = Mantissa << (Exponent - shift);
        var y = other.Mantissa << (other.Exponent - shift);
        return sign * x.CompareTo(y);

        static int SignOf(BinaryFloat f) => f.IsZero ? 0 : f.Negative ? -1 : 1;
    }

    /// <summary>
    /// The number as OPA writes a big.Float result: integers in plain digits (Go's <c>'f'</c> format), others in
    /// Go's <c>'g'</c> format, both with the fewest digits that read back to the same value at this precision.
    /// </summary>
    public string ToOpaText() => Format(IsInteger ? 'f' : 'g');

    /// <summary>Go's <c>Float.Text(format, -1)</c> for formats 'f', 'e' and 'g'.</summary>
    public string Format(char format)
    {
        var (digits, point) = ShortestDecimal();
        var builder = new StringBuilder();
        if (Negative)
        {
            builder.Append('-');
        }

        switch (format)
        {
            case 'e':
                AppendExponential(builder, digits, point, digits.Length - 1);
                break;
            case 'f':
                AppendFixed(builder, digits, point, Math.Max(digits.Length - point, 0));
                break;
            default:
                // Shortest 'g': exponential when the decimal exponent is below -4 or at least 6 (Go's eprec).
                var exponent = point - 1;
                if (digits.Length > 0 && (exponent < -4 || exponent >= 6))
                {
                    AppendExponential(builder, digits, point, digits.Length - 1);
                }
                else
                {
                    AppendFixed(builder, digits, point, Math.Max(digits.Length - point, 0));
                }

                break;
        }

        return builder.ToString();
    }

    private static void AppendExponential(StringBuilder builder, string digits, int point, int precision)
    {
        builder.Append(digits.Length > 0 ? digits[0] : '0');
        if (precision > 0)
        {
            builder.Append('.');
            for (var i = 1; i <= precision; i++)
            {
                builder.Append(i < digits.Length ? digits[i] : '0');
            }
        }

        var exponent = digits.Length > 0 ? point - 1 : 0;
        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        exponent = Math.Abs(exponent);
        if (exponent < 10)
        {
            builder.Append('0');
        }

        builder.Append(exponent.ToString(CultureInfo.InvariantCulture));
    }

    private static void AppendFixed(StringBuilder builder, string digits, int point, int precision)
    {
        if (point > 0)
        {
            var m = Math.Min(digits.Length, point);
            builder.Append(digits, 0, m);
            builder.Append('0', point - m);
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
                var at = point + i;
                builder.Append(at >= 0 && at < digits.Length ? digits[at] : '0');
            }
        }
    }

    /// <summary>
    /// The shortest decimal digits d (value = 0.d × 10^point) that lie within half an ulp of the value, as Go's
    /// roundShortest finds them: the bounds are inclusive only when the mantissa is even.
    /// </summary>
    private (string Digits, int Point) ShortestDecimal()
    {
        if (IsZero)
        {
            return ("", 0);
        }

        var (digits, point) = ExactDecimal(Mantissa, Exponent);

        // Mantissa shifted to precision + 1 bits, so that its last bit is half an ulp.
        var bitLength = (int)Mantissa.GetBitLength();
        var shift = bitLength - (Precision + 1);
        var half = shift < 0 ? Mantissa << -shift : Mantissa >> shift;
        var halfExponent = Exponent + shift;
        // Go compares the bounds' digits with the value's by index, not by decimal position.
        var (lower, _) = ExactDecimal(half - 1, halfExponent);
        var (upper, _) = ExactDecimal(half + 1, halfExponent);
        var inclusive = (half & 2).IsZero;

        for (var i = 0; i < digits.Length; i++)
        {
            var m = digits[i];
            var l = i < lower.Length ? lower[i] : '0';
            var u = i < upper.Length ? upper[i] : '0';
            var okDown = l != m || (inclusive && i + 1 == lower.Length);
            var okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.Length);
            if (okDown && okUp)
            {
                return RoundDecimal(digits, point, i + 1);
            }

            if (okDown)
            {
                return (digits[..(i + 1)].TrimEnd('0'), point);
            }

            if (okUp)
            {
                return RoundUp(digits, point, i + 1);
            }
        }

        return (digits, point);
    }

    /// <summary>The exact decimal digits of mantissa × 2^exponent, without trailing zeros; value = 0.digits × 10^point.</summary>
    private static (string Digits, int Point) ExactDecimal(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero)
        {
            return ("", 0);
        }

        if (Math.Abs(exponent) > MaxPrintableExponent)
        {
            // Printing 2^±400000 takes over a hundred thousand digits; refuse rather than stall the evaluation.
            throw new OverflowException("number too large or too small to print");
        }

        string text;
        int point;
        if (exponent >= 0)
        {
            text = (mantissa << exponent).ToString(CultureInfo.InvariantCulture);
            point = text.Length;
        }
        else
        {
            // m / 2^k = m × 5^k / 10^k.
            text = (mantissa * BigInteger.Pow(5, -exponent)).ToString(CultureInfo.InvariantCulture);
            point = text.Length + exponent;
        }

        return (text.TrimEnd('0'), point);
    }

    /// <summary>Rounds to n digits, half to even on an exact half (Go's decimal.round).</summary>
    private static (string Digits, int Point) RoundDecimal(string digits, int point, int n)
    {
        if (n >= digits.Length)
        {
            return (digits, point);
        }

        var roundUp = digits[n] == '5' && n + 1 == digits.Length
            ? n > 0 && (digits[n - 1] - '0') % 2 != 0
            : digits[n] >= '5';
        return roundUp ? RoundUp(digits, point, n) : (digits[..n].TrimEnd('0'), point);
    }

    private static (string Digits, int Point) RoundUp(string digits, int point, int n)
    {
        if (n >= digits.Length)
        {
            return (digits, point);
        }

        var chars = digits[..n].ToCharArray();
        var i = n - 1;
        while (i >= 0 && chars[i] == '9')
        {
            i--;
        }

        if (i < 0)
        {
            return ("1", point + 1);
        }

        chars[i]++;
        return (new string(chars, 0, i + 1), point);
    }

    private static BinaryFloat Add(BinaryFloat a, BinaryFloat b, bool bNegative)
    {
        var precision = Math.Max(a.Precision, b.Precision);
        if (a.IsZero && b.IsZero)
        {
            // Go: -0 + -0 = -0, and any other sum of zeros is +0 (rounding to nearest).
            return new BinaryFloat(a.Negative && bNegative, BigInteger.Zero, 0, precision);
        }

        var exponent = Math.Min(a.Exponent, b.Exponent);
        var x = a.Mantissa << (a.Exponent - exponent);
        var y = b.Mantissa << (b.Exponent - exponent);
        var sum = (a.Negative ? -x : x) + (bNegative ? -y : y);
        return sum.IsZero
            ? new BinaryFloat(false, BigInteger.Zero, 0, precision)
            : Normalize(sum.Sign < 0, BigInteger.Abs(sum), exponent, precision);
    }

    /// <summary>Rounds mantissa × 2^exponent to the precision.</summary>
    private static BinaryFloat Normalize(bool negative, BigInteger mantissa, int exponent, int precision)
    {
        var excess = (int)mantissa.GetBitLength() - precision;
        if (excess <= 0)
        {
            return new BinaryFloat(negative, mantissa, exponent, precision);
        }

        var rounded = RoundShift(mantissa, excess, sticky: false);
        return Normalize(negative, rounded, exponent + excess, precision);
    }

    /// <summary>Rounds numerator / denominator (both positive) to the precision.</summary>
    private static BinaryFloat Round(bool negative, BigInteger numerator, BigInteger denominator, int precision)
    {
        // Scale so that the integer quotient has at least precision + 2 bits; the remainder makes the sticky bit.
        var scale = precision + 2 - (int)(numerator.GetBitLength() - denominator.GetBitLength());
        var n = scale > 0 ? numerator << scale : numerator;
        var d = scale < 0 ? denominator << -scale : denominator;
        var quotient = BigInteger.DivRem(n, d, out var remainder);
        var excess = (int)quotient.GetBitLength() - precision;
        var mantissa = RoundShift(quotient, excess, !remainder.IsZero);
        return Normalize(negative, mantissa, excess - scale, precision);
    }

    /// <summary>value >> shift, rounded to nearest even; sticky says bits below value were already dropped.</summary>
    private static BigInteger RoundShift(BigInteger value, int shift, bool sticky)
    {
        if (shift <= 0)
        {
            return value << -shift;
        }

        var kept = value >> shift;
        var dropped = value - (kept << shift);
        var halfway = BigInteger.One << (shift - 1);
        var c = dropped.CompareTo(halfway);
        if (c > 0 || (c == 0 && (sticky || !kept.IsEven)))
        {
            kept += 1;
        }

        return kept;
    }
}
