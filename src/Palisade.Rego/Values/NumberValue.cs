using System.Globalization;
using System.Numerics;
using System.Text;

namespace Palisade.Rego.Values;

/// <summary>
/// A number. Integers are exact at any size (Int64 when they fit, else BigInteger); other numbers are doubles.
/// Numbers compare and hash by value, so 1, 1.0 and 1e0 are one value; a number read from source keeps its text,
/// which is how it is printed back (OPA does the same with its JSON number strings).
/// </summary>
public sealed class NumberValue : Value
{
    private static readonly NumberValue[] SmallIntegers =
        Enumerable.Range(-128, 1152).Select(i => new NumberValue(Form.Int64, i, null, 0, null)).ToArray();

    private readonly Form _form;
    private readonly long _int;
    private readonly BigInteger _big;
    private readonly double _double;
    private readonly string? _text;

    private NumberValue(Form form, long value, BigInteger? big, double dbl, string? text)
    {
        _form = form;
        _int = value;
        _big = big ?? BigInteger.Zero;
        _double = dbl;
        _text = text;
    }

    private enum Form : byte
    {
        Int64,
        Big,
        Double,
    }

    public static NumberValue Zero => SmallIntegers[128];

    public static NumberValue One => SmallIntegers[129];

    public override ValueKind Kind => ValueKind.Number;

    /// <summary>True for integers, whatever their size and however they were written (1.0 is an integer).</summary>
    public bool IsInteger => _form != Form.Double;

    /// <summary>True when the value is an integer that fits a long.</summary>
    public bool IsInt64 => _form == Form.Int64;

    public static NumberValue Of(long value) =>
        value is >= -128 and < 1024 ? SmallIntegers[value + 128] : new NumberValue(Form.Int64, value, null, 0, null);

    public static NumberValue Of(int value) => Of((long)value);

    public static NumberValue Of(BigInteger value, string? text = null) =>
        value >= long.MinValue && value <= long.MaxValue
            ? text is null ? Of((long)value) : new NumberValue(Form.Int64, (long)value, null, 0, text)
            : new NumberValue(Form.Big, 0, value, 0, text);

    /// <summary>A double; integral doubles become exact integers so that equal numbers have one representation.</summary>
    public static NumberValue Of(double value, string? text = null)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Rego numbers are finite");
        }

        if (Math.Floor(value) == value)
        {
            return Of(new BigInteger(value), text);
        }

        return new NumberValue(Form.Double, 0, null, value, text);
    }

    /// <summary>Parses a JSON number's text, keeping the text for printing.</summary>
    public static NumberValue Parse(string text)
    {
        if (TryParse(text, out var number))
        {
            return number;
        }

        throw new FormatException($"\"{text}\" is not a number");
    }

    public static bool TryParse(string text, out NumberValue number)
    {
        number = Zero;
        if (text.Length == 0)
        {
            return false;
        }

        var plain = text.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
        if (plain)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
            {
                number = text.Length > 1 && (text[0] == '+' || (text[0] == '0') || text.StartsWith("-0", StringComparison.Ordinal))
                    ? new NumberValue(Form.Int64, small, null, 0, text)
                    : Of(small);
                return true;
            }

            if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                number = Of(big);
                return true;
            }

            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
        {
            return TryParseHugeInteger(text, out number);
        }

        if (Math.Floor(value) == value && Math.Abs(value) >= 9007199254740992d)
        {
            // Beyond 2^53 a double no longer holds every integer: read integral literals exactly.
            return TryParseHugeInteger(text, out number) || Assign(Of(value, text), out number);
        }

        number = Of(value, text);
        return true;

        static bool Assign(NumberValue value, out NumberValue target)
        {
            target = value;
            return true;
        }
    }

    /// <summary>Integral literals in exponent form too large for a double, such as 1e400.</summary>
    private static bool TryParseHugeInteger(string text, out NumberValue number)
    {
        number = Zero;
        var e = text.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? text : text[..e];
        if (!int.TryParse(e < 0 ? "0" : text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            return false;
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        exponent -= dot < 0 ? 0 : mantissa.Length - dot - 1;
        if (exponent < 0 || exponent > 100_000 || !BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        number = Of(value * BigInteger.Pow(10, exponent), text);
        return true;
    }

    public bool TryGetInt64(out long value)
    {
        value = _int;
        return IsInt64;
    }

    public bool TryGetInt32(out int value)
    {
        value = (int)_int;
        return IsInt64 && _int is >= int.MinValue and <= int.MaxValue;
    }

    /// <summary>The integer, for integers of any size; null for other numbers.</summary>
    public BigInteger? AsBigInteger => _form switch { Form.Int64 => _int, Form.Big => _big, _ => null };

    public double AsDouble => _form switch { Form.Int64 => _int, Form.Big => (double)_big, _ => _double };

    /// <summary>The text the number was read from, or null for a computed number.</summary>
    public string? SourceText => _text;

    public override bool Equals(Value? other) => other is NumberValue n && Compare(this, n) == 0;

    public override int GetHashCode() => _form switch
    {
        Form.Int64 => _int.GetHashCode(),
        Form.Big => _big.GetHashCode(),
        _ => _double.GetHashCode(),
    };

    /// <summary>The number as printed: its source text if it has one, else its canonical form.</summary>
    public string Text => _text ?? CanonicalText;

    /// <summary>Digits for integers; the shortest round-tripping form for doubles, as Go's strconv prints them.</summary>
    public string CanonicalText => _form switch
    {
        Form.Int64 => _int.ToString(CultureInfo.InvariantCulture),
        Form.Big => _big.ToString(CultureInfo.InvariantCulture),
        _ => FormatDouble(_double),
    };

    /// <summary>
    /// The shortest digits that read back as the same double, laid out as Go's JSON encoder does: plain decimals,
    /// with an exponent only below 1e-6 or from 1e21 on.
    /// </summary>
    public static string FormatDouble(double value)
    {
        var (negative, digits, exponent) = ShortestDigits(value);
        var sign = negative ? "-" : "";
        var abs = Math.Abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            var e = exponent - 1;
            return $"{sign}{mantissa}e{(e < 0 ? "-" : "+")}{Math.Abs(e):00}";
        }

        // value = 0.digits × 10^exponent
        if (exponent <= 0)
        {
            return $"{sign}0.{new string('0', -exponent)}{digits}";
        }

        return exponent >= digits.Length
            ? sign + digits + new string('0', exponent - digits.Length)
            : $"{sign}{digits[..exponent]}.{digits[exponent..]}";
    }

    /// <summary>Splits a double into sign, shortest round-trip digits and exponent, value = 0.digits × 10^exponent.</summary>
    private static (bool Negative, string Digits, int Exponent) ShortestDigits(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intDigits = dot < 0 ? mantissa.Length : dot;
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return digits.Length == 0 ? (value < 0, "0", 1) : (value < 0, digits, exponent + intDigits - leading);
    }

    public static int Compare(NumberValue a, NumberValue b)
    {
        if (a.IsInt64 && b.IsInt64)
        {
            return a._int.CompareTo(b._int);
        }

        var aInt = a.AsBigInteger;
        var bInt = b.AsBigInteger;
        if (aInt is { } x && bInt is { } y)
        {
            return x.CompareTo(y);
        }

        if (aInt is null && bInt is null)
        {
            return a._double.CompareTo(b._double);
        }

        return aInt is { } integer ? CompareMixed(integer, b._double) : -CompareMixed(bInt!.Value, a._double);
    }

    /// <summary>An integer against a non-integral double, exactly: compare with the double's floor, then its fraction.</summary>
    private static int CompareMixed(BigInteger integer, double value)
    {
        var floor = Math.Floor(value);
        var byFloor = integer.CompareTo(new BigInteger(floor));
        return byFloor != 0 ? byFloor : -1;
    }

    internal override void WriteTerm(StringBuilder builder) => builder.Append(Text);

    private protected override int CompareSameKind(Value other) => Compare(this, (NumberValue)other);
}
