using System.Numerics;
using Palisade.Rego.Builtins.Arithmetic;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Aggregates;

/// <summary><c>count</c>, <c>sum</c>, <c>product</c>, <c>max</c>, <c>min</c> and <c>sort</c>.</summary>
internal static class AggregateBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        // The union members are listed in the order OPA declares them.
        var collection = RegoType.AnyOf(RegoType.SetOf(RegoType.Any), RegoType.ArrayOf(RegoType.Any));
        var sortable = RegoType.AnyOf(RegoType.ArrayOf(RegoType.Any), RegoType.SetOf(RegoType.Any));
        var numbers = RegoType.AnyOf(RegoType.SetOf(RegoType.Number), RegoType.ArrayOf(RegoType.Number));
        var countable = RegoType.AnyOf(RegoType.SetOf(RegoType.Any), RegoType.ArrayOf(RegoType.Any), RegoType.ObjectOf(RegoType.Any, RegoType.Any), RegoType.String);
        yield return new BuiltinFunction("count", FunctionSignature.Of(RegoType.Number, countable), (_, args) => Count(args[0]));
        yield return new BuiltinFunction("sum", FunctionSignature.Of(RegoType.Number, numbers), (_, args) => Sum(args[0]));
        yield return new BuiltinFunction("product", FunctionSignature.Of(RegoType.Number, numbers), (_, args) => Product(args[0]));
        yield return new BuiltinFunction("max", FunctionSignature.Of(RegoType.Any, collection), (_, args) => Max(args[0]));
        yield return new BuiltinFunction("min", FunctionSignature.Of(RegoType.Any, collection), (_, args) => Min(args[0]));
        yield return new BuiltinFunction("sort", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), sortable), (_, args) => Sort(args[0]));
    }

    /// <summary>Strings count Unicode code points, not UTF-16 units.</summary>
    public static NumberValue Count(Value value) => value switch
    {
        ArrayValue a => NumberValue.Of(a.Count),
        ObjectValue o => NumberValue.Of(o.Count),
        SetValue s => NumberValue.Of(s.Count),
        StringValue s => NumberValue.Of(CodePoints(s.Value)),
        _ => throw Operands.MismatchOneOf(0, value, "array", "object", "set", "string"),
    };

    /// <summary>
    /// Integers add exactly; once any element has a fraction the sum is OPA's 64-bit float sum, element by element.
    /// </summary>
    public static NumberValue Sum(Value value)
    {
        var items = Items(value);
        if (ExactIntegers(items, BigInteger.Zero, BigInteger.Add) is { } exact)
        {
            return NumberValue.Of(exact);
        }

        var sum = BinaryFloat.Parse("0");
        foreach (var item in items)
        {
            sum += OpaNumbers.ToFloat(item as NumberValue ?? throw ElementMismatch(value, item));
        }

        return OpaNumbers.FromFloat(sum);
    }

    public static NumberValue Product(Value value)
    {
        var items = Items(value);
        if (ExactIntegers(items, BigInteger.One, BigInteger.Multiply) is { } exact)
        {
            return NumberValue.Of(exact);
        }

        // OPA accumulates into big.NewFloat(1), whose precision is 53 bits: every partial product is rounded to 53
        // bits, not to the 64 bits of the elements.
        var product = BinaryFloat.FromDouble(1);
        foreach (var item in items)
        {
            var factor = OpaNumbers.ToFloat(item as NumberValue ?? throw ElementMismatch(value, item));
            product = BinaryFloat.Multiply(product, factor, product.Precision);
        }

        return OpaNumbers.FromFloat(product);
    }

    /// <summary>The greatest element by OPA's order; undefined for an empty collection.</summary>
    public static Value? Max(Value value)
    {
        var items = Items(value);
        if (items.Length == 0)
        {
            return null;
        }

        var max = items[0];
        foreach (var item in items)
        {
            if (max.CompareTo(item) <= 0)
            {
                max = item;
            }
        }

        return max;
    }

    public static Value? Min(Value value)
    {
        var items = Items(value);
        if (items.Length == 0)
        {
            return null;
        }

        var min = items[0];
        foreach (var item in items)
        {
            if (min.CompareTo(item) >= 0)
            {
                min = item;
            }
        }

        return min;
    }

    /// <summary>A sorted array; duplicates in an array are kept.</summary>
    public static ArrayValue Sort(Value value)
    {
        var items = Items(value).ToArray();

        // A stable sort keeps equal numbers (1 and 1.0) in their original order, as Go's sort does for them.
        return ArrayValue.Of(items.Order());
    }

    private static ReadOnlySpan<Value> Items(Value value) => value switch
    {
        ArrayValue a => a.Items,
        SetValue s => s.Items,
        _ => throw Operands.MismatchOneOf(0, value, "set", "array"),
    };

    private static BigInteger? ExactIntegers(ReadOnlySpan<Value> items, BigInteger seed, Func<BigInteger, BigInteger, BigInteger> op)
    {
        var accumulator = seed;
        foreach (var item in items)
        {
            if (item is not NumberValue number || OpaNumbers.ToInteger(number) is not { } integer)
            {
                return null;
            }

            accumulator = op(accumulator, integer);
        }

        return accumulator;
    }

    private static BuiltinTypeException ElementMismatch(Value collection, Value element) =>
        new($"operand 1 must be {collection.TypeName} of numbers but got {collection.TypeName} containing {element.TypeName}");

    private static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
