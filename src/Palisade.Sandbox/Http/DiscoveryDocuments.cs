using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Http;

/// <summary>
/// The legacy discovery documents: APIVersions at /api, APIGroupList at /apis, APIGroup at /apis/GROUP and
/// APIResourceList at each group version, for clients that do not ask for <see cref="AggregatedDiscovery"/>. They
/// go with a plain application/json type, which client-go takes as "no aggregated discovery" and reads.
/// </summary>
internal static class DiscoveryDocuments
{

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-palisade-sandbox",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceCatalog catalog) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. catalog.Groups.Select(g => (JsonNode)Group(g.Group, g.Versions))]),
    };

    public static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        var body = new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)GroupVersion(group, v))]),
            ["preferredVersion"] = GroupVersion(group, versions[0]),
        };
        return body;
    }

    public static JsonObject ResourceList(ResourceCatalog catalog, string group, string version) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
        ["resources"] = new JsonArray([.. catalog.In(group, version).Select(r => (JsonNode)Resource(r))]),
    };

    private static JsonObject Resource(SandboxResource resource) =>
        new JsonObject
        {
            ["name"] = resource.Plural,
            ["singularName"] = resource.SingularName,
            ["namespaced"] = resource.Namespaced,
            ["kind"] = resource.Kind,
        }.WithVerbsAndNames(resource);

    private static JsonObject GroupVersion(string group, string version) => new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
}
