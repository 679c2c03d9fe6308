using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Http;

/// <summary>
/// OpenAPI documents without schemas. The v3 documents describe each resource's operations with their
/// x-kubernetes-group-version-kind and query parameters: from the PATCH operation listing fieldValidation, kubectl
/// learns that the server validates fields, so it does not fetch the v2 protobuf schemas to validate on its own.
/// PATCH does not list strategic merge patches as accepted, so kubectl's client-side apply falls back to what it
/// knows: strategic merge patches for built-in kinds, JSON merge patches for the others.
/// </summary>
internal static class OpenApiDocuments
{
    private static readonly string[] WriteParameters = ["dryRun", "fieldManager", "fieldValidation", "force"];

    public static JsonObject V2() => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
        ["paths"] = new JsonObject(),
        ["definitions"] = new JsonObject(),
    };

    /// <summary>The v3 index: one entry per served group version, at /openapi/v3/api/v1 and /openapi/v3/apis/GROUP/VERSION.</summary>
    public static JsonObject V3Index(ResourceCatalog catalog)
    {
        var paths = new JsonObject();
        foreach (var (group, version) in catalog.All.Select(r => (r.Group, r.Version)).Distinct())
        {
            var key = Prefix(group, version).TrimStart('/');
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject V3(ResourceCatalog catalog, string group, string version)
    {
        var paths = new JsonObject();
        foreach (var resource in catalog.In(group, version))
        {
            var collection = Prefix(group, version) + (resource.Namespaced ? "/namespaces/{namespace}/" : "/") + resource.Plural;
            paths[collection] = new JsonObject
            {
                ["get"] = Operation(resource, "list", []),
                ["post"] = Operation(resource, "create", WriteParameters),
            };
            paths[collection + "/{name}"] = new JsonObject
            {
                ["get"] = Operation(resource, "get", []),
                ["put"] = Operation(resource, "update", WriteParameters),
                ["patch"] = Patch(resource),
                ["delete"] = Operation(resource, "delete", ["dryRun"]),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject Patch(SandboxResource resource)
    {
        var operation = Operation(resource, "patch", WriteParameters);
        operation["requestBody"] = new JsonObject
        {
            ["content"] = new JsonObject
            {
                ["application/json-patch+json"] = new JsonObject(),
                ["application/merge-patch+json"] = new JsonObject(),
                ["application/apply-patch+yaml"] = new JsonObject(),
            },
            ["required"] = true,
        };
        return operation;
    }

    private static JsonObject Operation(SandboxResource resource, string action, string[] parameters) => new()
    {
        ["operationId"] = action + resource.Kind,
        ["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject { ["name"] = p, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } })]),
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
        ["x-kubernetes-action"] = action,
        ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["kind"] = resource.Kind },
    };

    private static string Prefix(string group, string version) => group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
}
