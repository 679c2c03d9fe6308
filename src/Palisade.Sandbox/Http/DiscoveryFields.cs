using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Http;

/// <summary>What both discovery formats (the legacy APIResourceList and the aggregated v2 document) say of a resource alike.</summary>
internal static class DiscoveryFields
{
    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>Adds the verbs every sandbox resource supports, and its short names and categories when it has any.</summary>
    public static JsonObject WithVerbsAndNames(this JsonObject body, SandboxResource resource)
    {
        body["verbs"] = Strings(Verbs);
        if (resource.ShortNames.Count > 0)
        {
            body["shortNames"] = Strings(resource.ShortNames);
        }

        if (resource.Categories.Count > 0)
        {
            body["categories"] = Strings(resource.Categories);
        }

        return body;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
