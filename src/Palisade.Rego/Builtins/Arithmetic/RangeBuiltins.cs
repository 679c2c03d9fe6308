using System.Numerics;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Arithmetic;

/// <summary><c>numbers.range</c> and <c>numbers.range_step</c>: inclusive integer ranges, counting down when a > b.</summary>
internal static class RangeBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var result = RegoType.ArrayOf(RegoType.Number);
        yield return new BuiltinFunction(
            "numbers.range",
            FunctionSignature.Of(result, RegoType.Number, RegoType.Number),
            (context, args) => Range(context, Operands.Integer(args, 0), Operands.Integer(args, 1), BigInteger.One));
        yield return new BuiltinFunction(
            "numbers.range_step",
            FunctionSignature.Of(result, RegoType.Number, RegoType.Number, RegoType.Number),
            RangeStep);
    }

    public static ArrayValue Range(BuiltinContext context, BigInteger from, BigInteger to, BigInteger step)
    {
        if ((BigInteger.Abs(to - from) / step) + 1 > BuiltinContext.MaxGeneratedItems)
        {
            throw new BuiltinException($"the range holds more than {BuiltinContext.MaxGeneratedItems} numbers");
        }

        var items = new List<Value>();
        var down = from > to;
        for (var i = from; down ? i >= to : i <= to; i = down ? i - step : i + step)
        {
            // Ranges may be large; honour cancellation and the deadline as OPA does ("timed out before generating all numbers").
            if ((items.Count & 0xFFF) == 0)
            {
                context.ThrowIfCancelled();
            }

            items.Add(NumberValue.Of(i));
        }

        return ArrayValue.Of(items);
    }

    private static Value? RangeStep(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        var from = Operands.Integer(args, 0);
        var to = Operands.Integer(args, 1);
        var step = Operands.Integer(args, 2);
        if (step.Sign <= 0)
        {
            throw new BuiltinException("step must be a positive integer");
        }

        return Range(context, from, to, step);
    }
}
