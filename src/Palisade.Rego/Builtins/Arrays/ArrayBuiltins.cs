using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Arrays;

/// <summary><c>array.concat</c>, <c>array.slice</c>, <c>array.reverse</c> and <c>array.flatten</c>.</summary>
internal static class ArrayBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var array = RegoType.ArrayOf(RegoType.Any);
        yield return new BuiltinFunction("array.concat", FunctionSignature.Of(array, array, array), (_, args) => Concat(Operands.Array(args, 0), Operands.Array(args, 1)));
        yield return new BuiltinFunction("array.slice", FunctionSignature.Of(array, array, RegoType.Number, RegoType.Number), Slice);
        yield return new BuiltinFunction("array.reverse", FunctionSignature.Of(array, array), (_, args) => Reverse(Operands.Array(args, 0)));
        yield return new BuiltinFunction("array.flatten", FunctionSignature.Of(array, array), (_, args) => Flatten(Operands.Array(args, 0)));
    }

    /// <summary>One level: the items of nested arrays take their array's place; deeper arrays stay arrays.</summary>
    public static ArrayValue Flatten(ArrayValue a)
    {
        var items = new List<Value>(a.Count);
        foreach (var item in a.Items)
        {
            if (item is ArrayValue nested)
            {
                items.AddRange(nested.Items);
            }
            else
            {
                items.Add(item);
            }
        }

        return ArrayValue.Of(items);
    }

    public static ArrayValue Concat(ArrayValue a, ArrayValue b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        var items = new Value[a.Count + b.Count];
        a.Items.CopyTo(items);
        b.Items.CopyTo(items.AsSpan(a.Count));
        return ArrayValue.Wrap(items);
    }

    public static ArrayValue Reverse(ArrayValue a)
    {
        var items = a.Items.ToArray();
        Array.Reverse(items);
        return ArrayValue.Wrap(items);
    }

    /// <summary>
    /// Items from start up to (not including) stop. Out-of-range bounds are clamped rather than failing: stop into
    /// [0, length], then start into [0, stop].
    /// </summary>
    private static Value? Slice(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        var array = Operands.Array(args, 0);
        var start = Operands.Int64(args, 1);
        var stop = Operands.Int64(args, 2);
        stop = Math.Clamp(stop, 0, array.Count);
        start = Math.Clamp(start, 0, stop);
        return ArrayValue.Wrap(array.Items[(int)start..(int)stop].ToArray());
    }
}
