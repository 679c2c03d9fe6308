using System.Text.Json.Nodes;

namespace Palisade.Kube.Cluster;

/// <summary>Reading the parts of an object every kind has, from its JSON.</summary>
public static class ClusterObjects
{
    public static string? Name(JsonObject obj) => Metadata(obj)?["name"]?.GetValue<string>();

    public static string? Namespace(JsonObject obj) => Metadata(obj)?["namespace"]?.GetValue<string>();

    public static string? ResourceVersion(JsonObject obj) => Metadata(obj)?["resourceVersion"]?.GetValue<string>();

    public static string? Label(JsonObject obj, string key) => (Metadata(obj)?["labels"] as JsonObject)?[key]?.GetValue<string>();

    public static JsonObject? Metadata(JsonObject obj) => obj["metadata"] as JsonObject;

    public static ObjectKey Key(ResourceType type, JsonObject obj) =>
        new(type.Group, type.Kind, type.Namespaced ? Namespace(obj) : null, Name(obj) ?? string.Empty);
}
