using System.Numerics;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Bits;

/// <summary>
/// <c>bits.*</c> on integers of any size, in two's complement (so <c>bits.negate(x)</c> is <c>-x - 1</c> and a
/// right shift of a negative number rounds toward minus infinity, as Go's big.Int does).
/// </summary>
internal static class BitsBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var binary = FunctionSignature.Of(RegoType.Number, RegoType.Number, RegoType.Number);
        yield return new BuiltinFunction("bits.and", binary, (_, args) => NumberValue.Of(Int(args, 0) & Int(args, 1)));
        yield return new BuiltinFunction("bits.or", binary, (_, args) => NumberValue.Of(Int(args, 0) | Int(args, 1)));
        yield return new BuiltinFunction("bits.xor", binary, (_, args) => NumberValue.Of(Int(args, 0) ^ Int(args, 1)));
        yield return new BuiltinFunction("bits.negate", FunctionSignature.Of(RegoType.Number, RegoType.Number), (_, args) => NumberValue.Of(-Int(args, 0) - 1));
        yield return new BuiltinFunction("bits.lsh", binary, (_, args) => NumberValue.Of(ShiftLeft(Int(args, 0), Shift(args))));
        yield return new BuiltinFunction("bits.rsh", binary, (_, args) => NumberValue.Of(Int(args, 0) >> Shift(args)));
    }

    /// <summary>
    /// Results above 2^26 bits (8 MiB) are refused: OPA would allocate them, but a policy asking for one is far more
    /// likely a mistake or an attack than a need.
    /// </summary>
    private const long MaxResultBits = 1L << 26;

    private static BigInteger ShiftLeft(BigInteger value, int count) =>
        value.IsZero || value.GetBitLength() + count <= MaxResultBits
            ? value << count
            : throw new BuiltinException("shift result too large");

    private static BigInteger Int(ReadOnlySpan<Value> args, int index) => Operands.Integer(args, index);

    /// <summary>The shift count: a non-negative machine integer.</summary>
    private static int Shift(ReadOnlySpan<Value> args)
    {
        var count = Operands.Number(args, 1);
        if (!count.TryGetInt64(out var value))
        {
            // OPA reads the count as a machine int; anything else gets the floating-point message.
            throw new BuiltinTypeException("operand 2 must be integer number but got floating-point number");
        }

        if (value < 0)
        {
            throw new BuiltinTypeException("operand 2 must be an unsigned integer number but got a negative integer");
        }

        // A right shift by more than the value's bits is 0 or -1; clamping keeps the count an int.
        return (int)Math.Min(value, int.MaxValue);
    }
}
