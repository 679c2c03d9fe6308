using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Palisade.Sandbox.Http;

/// <summary>
/// Aggregated discovery (apidiscovery.k8s.io/v2): every group version and its resources in one document at /api and
/// one at /apis, which kubectl asks for first to save a request per group version. Served only to clients that
/// say they accept it; the others get the legacy documents.
/// </summary>
internal static class AggregatedDiscovery
{
    public const string MediaType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    /// <summary>Whether the Accept header lists the v2 aggregated form.</summary>
    public static bool IsAccepted(HttpRequest request) =>
        request.Headers.Accept.ToString().Split(',').Any(range =>
        {
            var parameters = range.Split(';').Select(p => p.Trim()).ToHashSet(StringComparer.Ordinal);
            return parameters.Contains("application/json") && parameters.Contains("g=apidiscovery.k8s.io") && parameters.Contains("v=v2") && parameters.Contains("as=APIGroupDiscoveryList");
        });

    /// <summary>The document of the core group (at /api) or of the named groups (at /apis).</summary>
    public static JsonObject Document(ResourceCatalog catalog, bool core)
    {
        var items = new JsonArray();
        foreach (var group in catalog.All.Where(r => (r.Group.Length == 0) == core).GroupBy(r => r.Group))
        {
            var versions = new JsonArray();
            foreach (var version in group.GroupBy(r => r.Version))
            {
                versions.Add(new JsonObject
                {
                    ["version"] = version.Key,
                    ["resources"] = new JsonArray([.. version.Select(r => (JsonNode)Resource(r))]),
                    ["freshness"] = "Current",
                });
            }

            items.Add(new JsonObject
            {
                ["metadata"] = group.Key.Length == 0 ? new JsonObject() : new JsonObject { ["name"] = group.Key },
                ["versions"] = versions,
            });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    public static async Task WriteAsync(HttpContext context, JsonObject document)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = MediaType;
        context.Response.Headers.Vary = "Accept";
        await context.Response.WriteAsync(document.ToJsonString(JsonIO.Output), context.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject Resource(SandboxResource resource) =>
        new JsonObject
        {
            ["resource"] = resource.Plural,
            ["responseKind"] = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["kind"] = resource.Kind },
            ["scope"] = resource.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = resource.SingularName,
        }.WithVerbsAndNames(resource);
}
