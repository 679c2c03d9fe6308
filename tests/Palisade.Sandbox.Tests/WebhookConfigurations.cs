using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Tests;

/// <summary>ValidatingWebhookConfigurations as the tests register them: one webhook on Calico NetworkPolicies.</summary>
internal static class WebhookConfigurations
{
    public const string WebhookName = "validate.palisade.dev";

    public static JsonObject Calico(string name, string? url, string? caBundle, string failurePolicy = "Fail", string[]? operations = null, JsonObject? namespaceSelector = null)
    {
        var clientConfig = url is null
            ? new JsonObject { ["service"] = new JsonObject { ["name"] = "palisade-webhook", ["namespace"] = "palisade-system", ["path"] = "/validate" } }
            : new JsonObject { ["url"] = url };
        if (caBundle is not null)
        {
            clientConfig["caBundle"] = caBundle;
        }

        var webhook = new JsonObject
        {
            ["name"] = WebhookName,
            ["admissionReviewVersions"] = new JsonArray("v1"),
            ["sideEffects"] = "None",
            ["timeoutSeconds"] = 5,
            ["failurePolicy"] = failurePolicy,
            ["clientConfig"] = clientConfig,
            ["rules"] = new JsonArray(new JsonObject
            {
                ["apiGroups"] = new JsonArray("projectcalico.org"),
                ["apiVersions"] = new JsonArray("*"),
                ["operations"] = new JsonArray([.. (operations ?? ["CREATE", "UPDATE"]).Select(o => (JsonNode?)JsonValue.Create(o))]),
                ["resources"] = new JsonArray("networkpolicies"),
                ["scope"] = "Namespaced",
            }),
        };
        if (namespaceSelector is not null)
        {
            webhook["namespaceSelector"] = namespaceSelector;
        }

        return new JsonObject
        {
            ["apiVersion"] = "admissionregistration.k8s.io/v1",
            ["kind"] = "ValidatingWebhookConfiguration",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["webhooks"] = new JsonArray(webhook),
        };
    }
}
