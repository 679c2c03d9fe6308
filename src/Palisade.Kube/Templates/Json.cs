using System.Text.Json.Nodes;

namespace Palisade.Kube.Templates;

/// <summary>Small helpers that keep the object builders declarative.</summary>
internal static class Json
{
    /// <summary>apiVersion, kind, metadata, spec — in the order kubectl prints them.</summary>
    public static JsonObject Object(ObjectTemplate template, JsonObject spec)
    {
        var metadata = new JsonObject { ["name"] = template.Name };
        metadata.AddIfSet("namespace", template.Namespace);
        metadata.AddIfAny(template.Labels, "labels");
        metadata.AddIfAny(template.Annotations, "annotations");
        return new JsonObject
        {
            ["apiVersion"] = template.ObjectType.ApiVersion(),
            ["kind"] = template.ObjectType.Kind(),
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
    }

    public static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    /// <summary>Whole numbers as integers (700, not 700.0), so output reads as the user wrote it.</summary>
    public static JsonNode Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);

    public static void AddIfSet(this JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }

    public static void AddIfAny(this JsonObject json, string key, IEnumerable<JsonNode> items)
    {
        var array = Array(items);
        if (array.Count > 0)
        {
            json[key] = array;
        }
    }

    private static void AddIfAny(this JsonObject json, IReadOnlyDictionary<string, string> map, string key)
    {
        if (map.Count == 0)
        {
            return;
        }

        var obj = new JsonObject();
        foreach (var (name, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[name] = value;
        }

        json[key] = obj;
    }
}
