using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Rego.Values;

/// <summary>Conversion between Rego values and JSON. Numbers keep their exact text; sets become sorted arrays.</summary>
public static class ValueJson
{
    public static Value Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        return FromJson(document.RootElement);
    }

    public static Value FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ObjectValue.Of(element.EnumerateObject()
            .Select(p => new KeyValuePair<Value, Value>(new StringValue(p.Name), FromJson(p.Value)))),
        JsonValueKind.Array => ArrayValue.Wrap(element.EnumerateArray().Select(FromJson).ToArray()),
        JsonValueKind.String => StringValue.Of(element.GetString()!),
        JsonValueKind.Number => NumberValue.Parse(element.GetRawText()),
        JsonValueKind.True => BooleanValue.True,
        JsonValueKind.False => BooleanValue.False,
        _ => NullValue.Instance,
    };

    public static Value FromJson(JsonNode? node) => node switch
    {
        null => NullValue.Instance,
        JsonObject obj => ObjectValue.Of(obj.Select(p => new KeyValuePair<Value, Value>(new StringValue(p.Key), FromJson(p.Value)))),
        JsonArray array => ArrayValue.Wrap(array.Select(FromJson).ToArray()),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => StringValue.Of(value.GetValue<string>()),
            JsonValueKind.Number => NumberValue.Parse(value.ToJsonString()),
            JsonValueKind.True => BooleanValue.True,
            JsonValueKind.False => BooleanValue.False,
            _ => NullValue.Instance,
        },
        _ => throw new ArgumentException($"unsupported JSON node {node.GetType().Name}", nameof(node)),
    };

    /// <summary>
    /// The value as JSON. Object keys that are not strings are written as their JSON text (<c>1</c> becomes
    /// <c>"1"</c>, <c>{"a": 1}</c> becomes <c>"{\"a\":1}"</c>), as OPA writes them.
    /// </summary>
    public static JsonNode? ToJson(Value value) => value switch
    {
        NullValue => null,
        BooleanValue b => JsonValue.Create(b.Value),
        NumberValue n => JsonNode.Parse(n.Text),
        StringValue s => JsonValue.Create(s.Value),
        ArrayValue a => new JsonArray([.. ToJsonItems(a.Items)]),
        SetValue s => new JsonArray([.. ToJsonItems(s.Items)]),
        ObjectValue o => ToJsonObject(o),
        _ => throw new ArgumentException($"unsupported value {value.GetType().Name}", nameof(value)),
    };

    public static string Serialize(Value value) => ToJson(value)?.ToJsonString() ?? "null";

    private static JsonNode?[] ToJsonItems(ReadOnlySpan<Value> items)
    {
        var result = new JsonNode?[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = ToJson(items[i]);
        }

        return result;
    }

    private static JsonObject ToJsonObject(ObjectValue obj)
    {
        var json = new JsonObject();
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.Keys[i] is StringValue s ? s.Value : Serialize(obj.Keys[i]);
            json[key] = ToJson(obj.Values[i]);
        }

        return json;
    }
}
