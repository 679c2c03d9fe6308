using System.Text.Json.Nodes;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Webhooks;

/// <summary>One entry of a ValidatingWebhookConfiguration's <c>webhooks</c>, with kube-apiserver's defaults filled in.</summary>
internal sealed record ValidatingWebhook(
    string Name,
    string? Url,
    string? Service,
    string? CaBundle,
    IReadOnlyList<WebhookRule> Rules,
    bool FailOpen,
    string? SideEffects,
    TimeSpan Timeout,
    JsonNode? NamespaceSelector,
    JsonNode? ObjectSelector,
    IReadOnlyList<string> AdmissionReviewVersions)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Whether a dry run may be sent to it: only a webhook declaring it has no side effects (or none on dry runs).</summary>
    public bool AcceptsDryRun => SideEffects is "None" or "NoneOnDryRun";

    /// <summary>The webhooks of one configuration, in their order.</summary>
    public static IEnumerable<ValidatingWebhook> AllOf(JsonObject configuration) =>
        (configuration["webhooks"] as JsonArray ?? []).OfType<JsonObject>().Select(From);

    private static ValidatingWebhook From(JsonObject webhook)
    {
        var client = webhook["clientConfig"] as JsonObject;
        var service = client?["service"] is JsonObject s ? $"{JsonText.Of(s["namespace"])}/{JsonText.Of(s["name"])}" : null;
        var seconds = JsonText.Long(webhook["timeoutSeconds"]);
        return new ValidatingWebhook(
            JsonText.Of(webhook["name"]) ?? "",
            JsonText.Of(client?["url"]),
            service,
            JsonText.Of(client?["caBundle"]),
            [.. (webhook["rules"] as JsonArray ?? []).OfType<JsonObject>().Select(WebhookRule.From)],
            JsonText.Of(webhook["failurePolicy"]) == "Ignore",
            JsonText.Of(webhook["sideEffects"]),
            seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : DefaultTimeout,
            webhook["namespaceSelector"],
            webhook["objectSelector"],
            [.. (webhook["admissionReviewVersions"] as JsonArray ?? []).Select(v => JsonText.Of(v) ?? "")]);
    }
}
