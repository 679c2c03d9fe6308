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
    public static JsonNode? ToJson(Value value) => ToJson(value, 0);

    public static string Serialize(Value value) => ToJson(value)?.ToJsonString(Writing) ?? "null";

    /// <summary>
    /// How deep a value may nest to be written as JSON (System.Text.Json stops at 64 unless told otherwise). Values
    /// read from policies and inputs stay far below it; one built by <c>json.unmarshal</c> may not, and is then an
    /// error rather than a stack overflow: the JSON tree is built and written recursively.
    /// </summary>
    public const int MaxWriteDepth = 1000;

    /// <summary>Options for writing what <see cref="ToJson(Value)"/> builds, with room for a few levels of envelope around it.</summary>
    public static JsonSerializerOptions Writing { get; } = new() { MaxDepth = MaxWriteDepth + 16 };

    private static JsonNode? ToJson(Value value, int depth) => value switch
    {
        NullValue => null,
        BooleanValue b => JsonValue.Create(b.Value),
        NumberValue n => JsonNode.Parse(n.Text),
        StringValue s => JsonValue.Create(s.Value),
        ArrayValue a => new JsonArray([.. ToJsonItems(a.Items, Deeper(depth))]),
        SetValue s => new JsonArray([.. ToJsonItems(s.Items, Deeper(depth))]),
        ObjectValue o => ToJsonObject(o, Deeper(depth)),
        _ => throw new ArgumentException($"unsupported value {value.GetType().Name}", nameof(value)),
    };

    private static int Deeper(int depth) => depth < MaxWriteDepth
        ? depth + 1
        : throw new InvalidDataException($"the value nests deeper than {MaxWriteDepth} levels and cannot be written as JSON");

    private static JsonNode?[] ToJsonItems(ReadOnlySpan<Value> items, int depth)
    {
        var result = new JsonNode?[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = ToJson(items[i], depth);
        }

        return result;
    }

    private static JsonObject ToJsonObject(ObjectValue obj, int depth)
    {
        var json = new JsonObject();
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.Keys[i] is StringValue s ? s.Value : Serialize(obj.Keys[i]);
            json[key] = ToJson(obj.Values[i], depth);
        }

        return json;
    }
}
