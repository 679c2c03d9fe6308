using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Arithmetic;

/// <summary>
/// <c>abs</c>, <c>round</c>, <c>ceil</c> and <c>floor</c>. Small integers pass through; anything else goes through
/// OPA's 64-bit float, so very large integers come back rounded to 64 significant bits, as in OPA.
/// </summary>
internal static class RoundingBuiltins
{
    private static readonly BinaryFloat Half = BinaryFloat.FromDouble(0.5);
    private static readonly BinaryFloat One = BinaryFloat.FromDouble(1.0);

    public static IEnumerable<BuiltinFunction> Functions()
    {
        var unary = FunctionSignature.Of(RegoType.Number, RegoType.Number);
        yield return new BuiltinFunction("abs", unary, (_, args) => Abs(Operands.Number(args, 0)));
        yield return new BuiltinFunction("round", unary, (_, args) => Round(Operands.Number(args, 0)));
        yield return new BuiltinFunction("ceil", unary, (_, args) => Ceil(Operands.Number(args, 0)));
        yield return new BuiltinFunction("floor", unary, (_, args) => Floor(Operands.Number(args, 0)));
    }

    public static NumberValue Abs(NumberValue n) =>
        OpaNumbers.TrySmall(n, out var x) ? NumberValue.Of(Math.Abs(x)) : OpaNumbers.FromFloat(OpaNumbers.ToFloat(n).Abs());

    /// <summary>Half away from zero: add or subtract a half, then truncate.</summary>
    public static NumberValue Round(NumberValue n)
    {
        if (OpaNumbers.TrySmall(n, out var x))
        {
            return NumberValue.Of(x);
        }

        var f = OpaNumbers.ToFloat(n);
        var shifted = f.Negative ? f - Half : f + Half;
        return OpaNumbers.FromFloat(BinaryFloat.FromInteger(shifted.Truncate()));
    }

    public static NumberValue Ceil(NumberValue n)
    {
        if (OpaNumbers.TrySmall(n, out var x))
        {
            return NumberValue.Of(x);
        }

        var f = OpaNumbers.ToFloat(n);
        var truncated = BinaryFloat.FromInteger(f.Truncate());

        // Go's Signbit of the truncation: a negative truncation is already the ceiling (and -0.5 truncates to +0).
        var result = truncated.Negative || f.CompareTo(truncated) == 0 ? truncated : truncated + One;
        return OpaNumbers.FromFloat(result);
    }

    public static NumberValue Floor(NumberValue n)
    {
        if (OpaNumbers.TrySmall(n, out var x))
        {
            return NumberValue.Of(x);
        }

        var f = OpaNumbers.ToFloat(n);
        var truncated = BinaryFloat.FromInteger(f.Truncate());
        var result = !truncated.Negative || f.CompareTo(truncated) == 0 ? truncated : truncated - One;
        return OpaNumbers.FromFloat(result);
    }
}
