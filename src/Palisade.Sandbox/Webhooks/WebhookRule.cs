using System.Text.Json.Nodes;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Webhooks;

/// <summary>
/// One of a webhook's <c>rules</c>: the operations, API groups, versions, resources and scope it selects, each with
/// <c>*</c> for any, matched as kube-apiserver matches them.
/// </summary>
internal sealed record WebhookRule(
    IReadOnlyList<string> Operations,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> ApiVersions,
    IReadOnlyList<string> Resources,
    string Scope)
{
    public static WebhookRule From(JsonObject rule) => new(
        Strings(rule["operations"]),
        Strings(rule["apiGroups"]),
        Strings(rule["apiVersions"]),
        Strings(rule["resources"]),
        JsonText.Of(rule["scope"]) ?? "*");

    public bool Matches(WriteRequest request) =>
        AnyOrListed(Operations, OperationName(request.Operation))
        && AnyOrListed(ApiGroups, request.Resource.Group)
        && AnyOrListed(ApiVersions, request.Resource.Version)
        && Resources.Any(r => ResourceMatches(r, request.Resource.Plural))
        && ScopeMatches(request.Resource);

    /// <summary>The operation as rules and AdmissionReviews spell it.</summary>
    public static string OperationName(WriteOperation operation) => operation switch
    {
        WriteOperation.Create => "CREATE",
        WriteOperation.Update => "UPDATE",
        WriteOperation.Delete => "DELETE",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static bool AnyOrListed(IReadOnlyList<string> listed, string value) => listed.Any(v => v == "*" || v == value);

    /// <summary>
    /// <c>resource</c> or <c>resource/subresource</c>, either part <c>*</c>. The sandbox writes no subresources, so a
    /// rule matches when its subresource part is absent or <c>*</c>: <c>*</c> and <c>*/*</c> match, <c>*/status</c> does not.
    /// </summary>
    private static bool ResourceMatches(string rule, string plural)
    {
        var slash = rule.IndexOf('/', StringComparison.Ordinal);
        var resource = slash < 0 ? rule : rule[..slash];
        var subresource = slash < 0 ? "" : rule[(slash + 1)..];
        return (resource == "*" || resource == plural) && (subresource is "" or "*");
    }

    /// <summary>Namespaced or Cluster, by the resource's scope (a Namespace is cluster-scoped); <c>*</c> or none for both.</summary>
    private bool ScopeMatches(SandboxResource resource) => Scope switch
    {
        "Namespaced" => resource.Namespaced,
        "Cluster" => !resource.Namespaced,
        _ => true,
    };

    private static List<string> Strings(JsonNode? node) => [.. (node as JsonArray ?? []).Select(v => JsonText.Of(v) ?? "")];
}
