using System.Globalization;
using System.Numerics;
using System.Text;

namespace Palisade.Rego.Builtins.Units;

/// <summary>An exact fraction, for unit arithmetic that must not pick up binary rounding (0.0005K is exactly 0.5).</summary>
internal readonly record struct Rational(BigInteger Numerator, BigInteger Denominator)
{
    public bool IsInteger => Numerator % Denominator == 0;

    public static Rational Of(BigInteger value) => new(value, 1);

    /// <summary>The exact value of a double (a dyadic fraction).</summary>
    public static Rational Of(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent != 0)
        {
            mantissa |= 1L << 52;
        }
        else
        {
            exponent = 1;
        }

        exponent -= 1075;
        var sign = bits < 0 ? -1 : 1;
        return exponent >= 0
            ? new Rational(sign * (new BigInteger(mantissa) << exponent), 1)
            : Reduce(sign * new BigInteger(mantissa), BigInteger.One << -exponent);
    }

    /// <summary>Decimal text: sign, digits with an optional point, optional exponent (as big.Rat.SetString reads it).</summary>
    public static bool TryParse(string text, out Rational value)
    {
        value = default;
        if (!GoNumbers.IsDecimalFloat(text))
        {
            return false;
        }

        var e = text.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? text : text[..e];
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= mantissa.Length - dot - 1;
            mantissa = mantissa.Remove(dot, 1);
        }

        var digits = BigInteger.Parse(mantissa, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        value = exponent >= 0 ? Of(digits * BigInteger.Pow(10, exponent)) : Reduce(digits, BigInteger.Pow(10, -exponent));
        return true;
    }

    public static Rational operator *(Rational a, Rational b) => Reduce(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>Rounded toward zero.</summary>
    public BigInteger Truncate() => BigInteger.Divide(Numerator, Denominator);

    /// <summary>big.Rat.FloatString: <paramref name="places"/> decimals, halves rounded away from zero.</summary>
    public string ToFixed(int places)
    {
        var scale = BigInteger.Pow(10, places);
        var scaled = BigInteger.DivRem(BigInteger.Abs(Numerator) * scale, Denominator, out var remainder);
        if (remainder * 2 >= Denominator)
        {
            scaled += 1;
        }

        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(places + 1, '0');
        var builder = new StringBuilder();
        if (Numerator.Sign < 0)
        {
            builder.Append('-');
        }

        builder.Append(digits, 0, digits.Length - places);
        if (places > 0)
        {
            builder.Append('.').Append(digits, digits.Length - places, places);
        }

        return builder.ToString();
    }

    private static Rational Reduce(BigInteger numerator, BigInteger denominator)
    {
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return gcd.IsZero || gcd.IsOne ? new Rational(numerator, denominator) : new Rational(numerator / gcd, denominator / gcd);
    }
}
