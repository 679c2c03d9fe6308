using System.Text.Json.Nodes;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Webhooks;

/// <summary>The response of an AdmissionReview a webhook answered: its verdict, the Status of a denial and its warnings.</summary>
internal sealed record WebhookAnswer(bool Allowed, JsonObject? Status, IReadOnlyList<string> Warnings)
{
    /// <summary>Reads an answer, checking it as kube-apiserver does; a <see cref="WebhookCallException"/> when it is not one for this request.</summary>
    public static WebhookAnswer Read(JsonNode? body, string uid)
    {
        if (body is not JsonObject review)
        {
            throw Invalid("the body is not a JSON object");
        }

        var apiVersion = JsonText.Of(review["apiVersion"]);
        var kind = JsonText.Of(review["kind"]);
        if (apiVersion != AdmissionReviewBody.ApiVersion || kind != "AdmissionReview")
        {
            throw Invalid($"expected webhook response of {AdmissionReviewBody.ApiVersion}, Kind=AdmissionReview, got {apiVersion}, Kind={kind}");
        }

        if (review["response"] is not JsonObject response)
        {
            throw Invalid("response is missing");
        }

        if (JsonText.Of(response["uid"]) is var answered && answered != uid)
        {
            throw Invalid($"expected response.uid=\"{uid}\", got \"{answered}\"");
        }

        if (response["allowed"] is not JsonValue allowed || !allowed.TryGetValue<bool>(out var verdict))
        {
            throw Invalid("response.allowed must be true or false");
        }

        var warnings = (response["warnings"] as JsonArray ?? []).Select(JsonText.Of).OfType<string>().Where(w => w.Length > 0).ToList();
        return new WebhookAnswer(verdict, response["status"] as JsonObject, warnings);
    }

    private static WebhookCallException Invalid(string problem) => new($"received invalid webhook response: {problem}");
}
