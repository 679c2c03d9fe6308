using System.Numerics;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Arithmetic;

/// <summary>
/// How OPA computes with numbers: integers in the int32 window take a machine fast path, other integers are exact
/// big integers, and everything else is a 64-bit-mantissa binary float read from the number's text.
/// </summary>
internal static class OpaNumbers
{
    /// <summary>
    /// An integer in the int32 window, where OPA's fast path runs (a product of two such fits a long).
    /// </summary>
    public static bool TrySmall(NumberValue number, out long value) =>
        number.TryGetInt64(out value) && value is >= int.MinValue and <= int.MaxValue && TextIsIntegral(number);

    /// <summary>The number as OPA's big.Float reads its text.</summary>
    public static BinaryFloat ToFloat(NumberValue number)
    {
        try
        {
            return BinaryFloat.Parse(number.Text);
        }
        catch (OverflowException e)
        {
            throw new BuiltinException(e.Message);
        }
    }

    /// <summary>A float result, printed as OPA prints it and kept with that text.</summary>
    public static NumberValue FromFloat(BinaryFloat value)
    {
        try
        {
            return NumberValue.Parse(value.ToOpaText());
        }
        catch (OverflowException e)
        {
            // Results whose digits would run to hundreds of thousands are refused rather than computed.
            throw new BuiltinException(e.Message);
        }
    }

    /// <summary>The exact integer, or null for numbers with a fraction.</summary>
    public static BigInteger? ToInteger(NumberValue number) => TextIsIntegral(number) ? number.AsBigInteger : null;

    /// <summary>
    /// False for literals such as 1e-800 that a double rounds to an integer (zero) although the number has a
    /// fraction; OPA reads the text, so such numbers take the float path.
    /// </summary>
    private static bool TextIsIntegral(NumberValue number) =>
        number.SourceText is not { } text || text.AsSpan().IndexOfAny('.', 'e', 'E') < 0 || ToFloat(number).IsInteger;
}
