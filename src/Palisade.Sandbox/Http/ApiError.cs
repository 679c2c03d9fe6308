using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Http;

/// <summary>
/// A request the API server refuses, carrying the metav1.Status it answers with. Thrown by the handlers and turned
/// into the response body in one place, so every error has the shape clients decode.
/// </summary>
internal sealed class ApiError(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public JsonObject ToStatus() => StatusBody.Failure(Code, Reason, Message, Details);

    public static ApiError NotFound(SandboxResource resource, string name) =>
        new(404, "NotFound", $"{resource.QualifiedName} \"{name}\" not found", StatusBody.Details(resource, name));

    public static ApiError NamespaceNotFound(string name) =>
        new(404, "NotFound", $"namespaces \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = "namespaces" });

    public static ApiError NoSuchPath() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiError AlreadyExists(SandboxResource resource, string name) =>
        new(409, "AlreadyExists", $"{resource.QualifiedName} \"{name}\" already exists", StatusBody.Details(resource, name));

    public static ApiError Conflict(SandboxResource resource, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {resource.QualifiedName} \"{name}\": {why}", StatusBody.Details(resource, name));

    public static ApiError StaleResourceVersion(SandboxResource resource, string name) =>
        Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    public static ApiError UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json ({contentType})");

    public static ApiError UnsupportedProtobuf() =>
        new(415, "UnsupportedMediaType", "the sandbox reads JSON and YAML request bodies, not application/vnd.kubernetes.protobuf (kubectl create sends that for built-in kinds); write the object to a file and use kubectl apply -f");

    /// <summary>422 Invalid, with one cause per field, as validation failures are reported.</summary>
    public static ApiError Invalid(SandboxResource resource, string name, string field, string value, string detail)
    {
        var details = StatusBody.Details(resource, name);
        details["kind"] = resource.Kind;
        details["causes"] = new JsonArray(new JsonObject
        {
            ["reason"] = "FieldValueInvalid",
            ["message"] = $"Invalid value: \"{value}\": {detail}",
            ["field"] = field,
        });
        var kind = resource.Group.Length == 0 ? resource.Kind : $"{resource.Kind}.{resource.Group}";
        return new ApiError(422, "Invalid", $"{kind} \"{name}\" is invalid: {field}: Invalid value: \"{value}\": {detail}", details);
    }
}
