using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>json.marshal, json.marshal_with_options, json.unmarshal, json.is_valid.</summary>
internal static class JsonBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "json.marshal",
            FunctionSignature.Of(RegoType.String, RegoType.Any),
            (_, args) => StringValue.Of(GoJsonWriter.Write(args[0])));
        yield return new BuiltinFunction(
            "json.marshal_with_options",
            FunctionSignature.Of(
                RegoType.String,
                RegoType.Any,

                // OPA declares static properties pretty: boolean, indent: string, prefix: string over string keys to
                // any values; RegoType has no static properties, so this is the nearest it can say.
                RegoType.ObjectOf(RegoType.String, RegoType.Any)),
            (_, args) => MarshalWithOptions(args));
        yield return new BuiltinFunction(
            "json.unmarshal",
            FunctionSignature.Of(RegoType.Any, RegoType.String),
            (_, args) => GoJsonReader.Read(Operands.String(args, 0).Value));
        yield return new BuiltinFunction(
            "json.is_valid",
            FunctionSignature.Of(RegoType.Boolean, RegoType.String),
            (_, args) => BooleanValue.Of(args[0] is StringValue s && GoJsonReader.IsValid(s.Value)));
    }

    /// <summary>
    /// "prefix" and "indent" imply pretty printing (indent defaults to a tab) unless "pretty" says otherwise; the
    /// prefix also starts the first line, which Go's MarshalIndent leaves bare.
    /// </summary>
    private static StringValue MarshalWithOptions(ReadOnlySpan<Value> args)
    {
        var options = Operands.Object(args, 1);
        var indent = "\t";
        var prefix = "";
        var implicitPretty = false;
        bool? explicitPretty = null;
        for (var i = 0; i < options.Count; i++)
        {
            var key = options.Keys[i] as StringValue
                ?? throw new BuiltinTypeException($"operand 2 failed to stringify key {options.Keys[i]} at index {i}: operand {i} must be string but got {options.Keys[i].TypeName}");
            var value = options.Values[i];
            switch (key.Value)
            {
                case "prefix":
                    prefix = OptionString(key, value, i);
                    implicitPretty = true;
                    break;
                case "indent":
                    indent = OptionString(key, value, i);
                    implicitPretty = true;
                    break;
                case "pretty":
                    explicitPretty = value is BooleanValue b ? b.Value : throw new BuiltinTypeException($"operand 2 key {key} failed cast to bool");
                    break;
                default:
                    throw new BuiltinTypeException($"operand 2 object contained unknown key {key}");
            }
        }

        return explicitPretty ?? implicitPretty
            ? StringValue.Of(prefix + GoJsonWriter.Write(args[0], prefix, indent))
            : StringValue.Of(GoJsonWriter.Write(args[0]));
    }

    private static string OptionString(StringValue key, Value value, int index) =>
        value is StringValue s ? s.Value : throw new BuiltinTypeException($"operand 2 key {key} failed cast to string: operand {index} must be string but got {value.TypeName}");
}
