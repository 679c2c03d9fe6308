using System.Text.Json.Nodes;

namespace Palisade.Admission;

/// <summary>The AdmissionReview the webhook answers with: the request's uid, the verdict, and on denial a 403 status.</summary>
public static class AdmissionResponse
{
    public static JsonObject ToJson(string uid, AdmissionDecision decision)
    {
        var response = new JsonObject { ["uid"] = uid, ["allowed"] = decision.Allowed };
        if (!decision.Allowed)
        {
            response["status"] = new JsonObject { ["code"] = 403, ["message"] = decision.Message };
        }

        if (decision.Warnings.Count > 0)
        {
            response["warnings"] = new JsonArray([.. decision.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]);
        }

        return new JsonObject { ["apiVersion"] = AdmissionRequest.ApiVersion, ["kind"] = "AdmissionReview", ["response"] = response };
    }
}
