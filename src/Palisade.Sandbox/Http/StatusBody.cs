using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Http;

/// <summary>metav1.Status bodies, shaped as kube-apiserver writes them.</summary>
internal static class StatusBody
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details) => Build("Failure", code, reason, message, details);

    public static JsonObject Success(JsonObject? details) => Build("Success", 200, null, null, details);

    /// <summary>The details naming an object; kind is the resource's plural, as the real server fills it.</summary>
    public static JsonObject Details(SandboxResource resource, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Plural;
        return details;
    }

    private static JsonObject Build(string status, int code, string? reason, string? message, JsonObject? details)
    {
        var body = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = status,
        };
        if (message is not null)
        {
            body["message"] = message;
        }

        if (reason is not null)
        {
            body["reason"] = reason;
        }

        if (details is not null)
        {
            body["details"] = details;
        }

        body["code"] = code;
        return body;
    }
}
