using System.Text.Json;
using Palisade.Rego.Builtins.Jwt;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.JsonSchema;

/// <summary><c>json.verify_schema</c> and <c>json.match_schema</c>: JSON Schema (drafts 4, 6 and 7) as OPA's gojsonschema checks it.</summary>
internal static class JsonSchemaBuiltins
{
    private static readonly RegoType SchemaOrText = RegoType.AnyOf(RegoType.ObjectOf(RegoType.Any, RegoType.Any), RegoType.String);

    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("json.verify_schema", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), SchemaOrText), VerifySchema),
        new("json.match_schema", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), SchemaOrText, SchemaOrText), MatchSchema),
    ];

    /// <summary>[true, null] for a usable schema, else [false, "jsonschema: why"].</summary>
    private static Value VerifySchema(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        using var schema = Load(arguments[0]);
        try
        {
            Schema.Compile(schema.RootElement);
            return ArrayValue.Of(BooleanValue.True, NullValue.Instance);
        }
        catch (BuiltinException e)
        {
            return ArrayValue.Of(BooleanValue.False, StringValue.Of("jsonschema: " + e.Message));
        }
    }

    /// <summary>[matches, errors], each error {error, type, field, desc}.</summary>
    private static Value MatchSchema(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        using var document = Load(arguments[0]);
        using var schemaDocument = Load(arguments[1]);
        var schema = Schema.Compile(schemaDocument.RootElement);
        var errors = new List<SchemaError>();
        schema.Validate(document.RootElement, "(root)", errors);
        return ArrayValue.Of(
            BooleanValue.Of(errors.Count == 0),
            ArrayValue.Of(errors.Select(e => (Value)ObjectValue.Of(
                ("error", StringValue.Of(e.ToString())),
                ("type", StringValue.Of(e.Type)),
                ("field", StringValue.Of(e.Field)),
                ("desc", StringValue.Of(e.Description))))));
    }

    /// <summary>A string is JSON text; an object is taken as JSON.</summary>
    private static JsonDocument Load(Value value)
    {
        var text = value switch
        {
            StringValue s => s.Value,
            ObjectValue => Encodings.GoJsonWriter.Write(value),
            _ => throw new BuiltinException("wrong type, expected string or object"),
        };

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new BuiltinException("invalid JSON string");
        }
    }
}
