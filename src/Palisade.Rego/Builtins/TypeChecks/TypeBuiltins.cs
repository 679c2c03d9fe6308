using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.TypeChecks;

/// <summary>The type tests (<c>is_string</c> …) and <c>type_name</c>. Type tests answer false, never undefined.</summary>
internal static class TypeBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return Test("is_number", ValueKind.Number);
        yield return Test("is_string", ValueKind.String);
        yield return Test("is_boolean", ValueKind.Boolean);
        yield return Test("is_array", ValueKind.Array);
        yield return Test("is_set", ValueKind.Set);
        yield return Test("is_object", ValueKind.Object);
        yield return Test("is_null", ValueKind.Null);
        yield return new BuiltinFunction(
            "type_name",
            FunctionSignature.Of(RegoType.String, RegoType.Any),
            (_, args) => StringValue.Of(args[0].TypeName));
        yield return new BuiltinFunction(
            "to_number",
            FunctionSignature.Of(RegoType.Number, RegoType.AnyOf(RegoType.Number, RegoType.String, RegoType.Boolean, RegoType.Null)),
            (_, args) => ToNumber(args[0]));
    }

    private static BuiltinFunction Test(string name, ValueKind kind) =>
        new(name, FunctionSignature.Of(RegoType.Boolean, RegoType.Any), (_, args) => BooleanValue.Of(args[0].Kind == kind));

    private static NumberValue ToNumber(Value value) => value switch
    {
        NullValue => NumberValue.Zero,
        BooleanValue b => b.Value ? NumberValue.One : NumberValue.Zero,
        NumberValue n => n,
        StringValue s => ParseNumber(s),
        _ => throw Operands.MismatchOneOf(0, value, "null", "boolean", "number", "string"),
    };

    // OPA accepts what Go's strconv.ParseFloat accepts, except the words for infinity and NaN.
    private static NumberValue ParseNumber(StringValue s)
    {
        var text = s.Value;
        var word = text.TrimStart('+', '-').ToLowerInvariant();
        if (word is "inf" or "infinity" or "nan")
        {
            throw Operands.Mismatch(0, "valid number string", s);
        }

        if (!GoNumbers.IsDecimalFloat(text) || !NumberValue.TryParse(text.StartsWith('+') ? text[1..] : text, out var number))
        {
            throw new BuiltinException($"strconv.ParseFloat: parsing {GoQuote.Quote(text)}: invalid syntax");
        }

        if (double.IsInfinity(number.AsDouble))
        {
            throw new BuiltinException($"strconv.ParseFloat: parsing {GoQuote.Quote(text)}: value out of range");
        }

        return number;
    }
}
