using System.Net;
using System.Text.Json;

namespace Palisade.WebhookBenchmark;

/// <summary>Reads a /validate answer as the API server would; anything it would reject is a problem.</summary>
internal static class ResponseCheck
{
    /// <summary>The verdict, or null with the reason the answer is not a well-formed AdmissionReview for <paramref name="uid"/>.</summary>
    public static (bool? Allowed, string? Problem) Read(HttpStatusCode status, byte[] body, string uid)
    {
        if (status != HttpStatusCode.OK)
        {
            return (null, $"status {(int)status}");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (Text(root, "apiVersion") != "admission.k8s.io/v1" || Text(root, "kind") != "AdmissionReview"
                || !root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
            {
                return (null, "not an admission.k8s.io/v1 AdmissionReview with a response");
            }

            if (Text(response, "uid") != uid)
            {
                return (null, $"response.uid {Text(response, "uid") ?? "(none)"} is not the request's {uid}");
            }

            if (!response.TryGetProperty("allowed", out var allowed) || allowed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, "response.allowed is not a boolean");
            }

            if (allowed.ValueKind == JsonValueKind.False && !IsForbidden(response))
            {
                return (null, "a denial without status {code: 403, message}");
            }

            return (allowed.ValueKind == JsonValueKind.True, null);
        }
        catch (JsonException ex)
        {
            return (null, "not JSON: " + ex.Message);
        }
    }

    private static bool IsForbidden(JsonElement response) =>
        response.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
        && status.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() == 403
        && Text(status, "message") is { Length: > 0 };

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
