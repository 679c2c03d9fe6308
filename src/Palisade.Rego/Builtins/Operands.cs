using System.Numerics;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins;

/// <summary>Typed access to builtin arguments, failing with OPA's exact operand messages.</summary>
public static class Operands
{
    public static StringValue String(ReadOnlySpan<Value> arguments, int index) =>
        arguments[index] as StringValue ?? throw Mismatch(index, "string", arguments[index]);

    public static NumberValue Number(ReadOnlySpan<Value> arguments, int index) =>
        arguments[index] as NumberValue ?? throw Mismatch(index, "number", arguments[index]);

    public static BooleanValue Boolean(ReadOnlySpan<Value> arguments, int index) =>
        arguments[index] as BooleanValue ?? throw Mismatch(index, "boolean", arguments[index]);

    public static ArrayValue Array(ReadOnlySpan<Value> arguments, int index) =>
        arguments[index] as ArrayValue ?? throw Mismatch(index, "array", arguments[index]);

    public static SetValue Set(ReadOnlySpan<Value> arguments, int index) =>
        arguments[index] as SetValue ?? throw Mismatch(index, "set", arguments[index]);

    public static ObjectValue Object(ReadOnlySpan<Value> arguments, int index) =>
        arguments[index] as ObjectValue ?? throw Mismatch(index, "object", arguments[index]);

    /// <summary>An integer argument that fits an int; non-integers fail with "operand N must be integer".</summary>
    public static int Int32(ReadOnlySpan<Value> arguments, int index)
    {
        var number = Number(arguments, index);
        return number.TryGetInt32(out var value) ? value : throw NotInteger(index);
    }

    /// <summary>
    /// An integer argument of any size (OPA's BigIntOperand): non-numbers fail with "operand N must be integer but got
    /// T", numbers with a fraction with "operand N must be integer number but got floating-point number".
    /// </summary>
    public static BigInteger Integer(ReadOnlySpan<Value> arguments, int index)
    {
        if (arguments[index] is not NumberValue number)
        {
            throw Mismatch(index, "integer", arguments[index]);
        }

        return number.AsBigInteger ?? throw NotInteger(index);
    }

    /// <summary>
    /// An integer argument that fits a long, as Go's <c>builtins.IntOperand</c> reads it: OPA parses the number's text
    /// as an integer, so <c>1.0</c> and <c>1e3</c> as written are refused even though their values are integral.
    /// </summary>
    public static long Int64(ReadOnlySpan<Value> arguments, int index)
    {
        var number = Number(arguments, index);
        return TryGetInt64Text(number, out var value) ? value : throw new BuiltinTypeException($"operand {index + 1} must be integer number but got floating-point number");
    }

    /// <summary>Go's <c>json.Number.Int64</c>: the number's text must be a plain decimal integer within range.</summary>
    public static bool TryGetInt64Text(NumberValue number, out long value) =>
        number.TryGetInt64(out value) && !number.Text.AsSpan().ContainsAny('.', 'e', 'E');

    /// <summary>The strings of an array or set argument, in order; anything else fails as OPA's string-slice operands do.</summary>
    public static IReadOnlyList<string> Strings(ReadOnlySpan<Value> arguments, int index, params string[] expected)
    {
        var items = arguments[index] switch
        {
            ArrayValue array => array.Items,
            SetValue set => set.Items,
            var other => throw (expected.Length == 0 ? MismatchOneOf(index, other, "set", "array") : MismatchOneOf(index, other, expected)),
        };
        var strings = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            strings[i] = items[i] is StringValue s ? s.Value : throw ElementMismatch(index, arguments[index], items[i], "string");
        }

        return strings;
    }

    /// <summary>"operand 2 must be array of strings but got array containing number".</summary>
    public static BuiltinTypeException ElementMismatch(int index, Value collection, Value element, string expected) =>
        new($"operand {index + 1} must be {collection.TypeName} of {expected}s but got {collection.TypeName} containing {element.TypeName}");

    /// <summary>
    /// An integer argument as Go's int (64 bits), saturated to the int range: for counts and offsets, where values
    /// beyond it behave like the largest (or smallest) int. Non-integers fail as <see cref="Int32"/> does.
    /// </summary>
    public static int SaturatedInt(ReadOnlySpan<Value> arguments, int index)
    {
        var number = Number(arguments, index);
        var integer = number.AsBigInteger ?? throw new BuiltinTypeException($"operand {index + 1} must be integer number but got floating-point number");
        return integer > int.MaxValue ? int.MaxValue : integer < int.MinValue ? int.MinValue : (int)integer;
    }

    /// <summary>"operand 2 must be string but got number".</summary>
    public static BuiltinTypeException Mismatch(int index, string expected, Value actual) =>
        new($"operand {index + 1} must be {expected} but got {actual.TypeName}");

    /// <summary>"operand 1 must be one of {string, set, array} but got number".</summary>
    public static BuiltinTypeException MismatchOneOf(int index, Value actual, params string[] expected) =>
        new($"operand {index + 1} must be one of {{{string.Join(", ", expected)}}} but got {actual.TypeName}");

    private static BuiltinTypeException NotInteger(int index) =>
        new($"operand {index + 1} must be integer number but got floating-point number");
}
