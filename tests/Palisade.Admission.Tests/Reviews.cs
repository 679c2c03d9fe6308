using System.Text.Json.Nodes;

namespace Palisade.Admission.Tests;

/// <summary>AdmissionReviews as the API server sends them.</summary>
public static class Reviews
{
    public static string For(JsonObject obj, string operation = "CREATE", string? uid = null, JsonObject? oldObject = null)
    {
        var apiVersion = (string?)obj["apiVersion"] ?? "v1";
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        var kind = (string?)obj["kind"] ?? string.Empty;
        var request = new JsonObject
        {
            ["uid"] = uid ?? Guid.NewGuid().ToString(),
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = kind },
            ["resource"] = new JsonObject { ["group"] = group, ["version"] = version, ["resource"] = kind.ToLowerInvariant() + "s" },
            ["operation"] = operation,
            ["userInfo"] = new JsonObject { ["username"] = "alice", ["groups"] = new JsonArray("system:authenticated") },
            ["object"] = operation == "DELETE" ? null : obj.DeepClone(),
            ["oldObject"] = operation == "DELETE" ? obj.DeepClone() : oldObject?.DeepClone(),
            ["dryRun"] = false,
        };
        if (obj["metadata"]?["name"] is { } name)
        {
            request["name"] = name.DeepClone();
        }

        if (obj["metadata"]?["namespace"] is { } ns)
        {
            request["namespace"] = ns.DeepClone();
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request }.ToJsonString();
    }
}
