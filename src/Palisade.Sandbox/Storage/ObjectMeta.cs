using System.Globalization;
using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Storage;

/// <summary>Reads and writes the metadata fields of an object held as JSON.</summary>
internal static class ObjectMeta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? Text(JsonObject obj, string field) =>
        obj["metadata"] is JsonObject metadata && metadata[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string Name(JsonObject obj) => Text(obj, "name") ?? "";

    public static string? Namespace(JsonObject obj) => Text(obj, "namespace") is { Length: > 0 } ns ? ns : null;

    /// <summary>The object's resourceVersion as a number; 0 when it has none.</summary>
    public static long Revision(JsonObject obj) =>
        long.TryParse(Text(obj, "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    public static void SetRevision(JsonObject obj, long revision) => Of(obj)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key an object is stored under within its resource: namespace/name, or the name alone when cluster-scoped.</summary>
    public static string Key(string? ns, string name) => ns is null ? name : $"{ns}/{name}";

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj)
    {
        var labels = new Dictionary<string, string>();
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            }
        }

        return labels;
    }
}
