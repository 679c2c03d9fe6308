using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Tests;

/// <summary>Calico objects as the tests write them, as JSON the custom-objects API takes.</summary>
internal static class CalicoObjects
{
    public const string CalicoGroup = "projectcalico.org";
    public const string CalicoVersion = "v3";

    public static JsonObject NetworkPolicy(string name, string? ns, int order, string selector = "app == 'web'") => new()
    {
        ["apiVersion"] = $"{CalicoGroup}/{CalicoVersion}",
        ["kind"] = "NetworkPolicy",
        ["metadata"] = ns is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["order"] = order,
            ["selector"] = selector,
            ["ingress"] = new JsonArray(new JsonObject { ["action"] = "Allow", ["protocol"] = "TCP" }),
            ["types"] = new JsonArray("Ingress"),
        },
    };

    public static JsonObject GlobalNetworkPolicy(string name, int order) => new()
    {
        ["apiVersion"] = $"{CalicoGroup}/{CalicoVersion}",
        ["kind"] = "GlobalNetworkPolicy",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["order"] = order, ["selector"] = "all()", ["types"] = new JsonArray("Egress") },
    };

    /// <summary>What the client's untyped methods return (a JsonElement), as a JsonObject.</summary>
    public static JsonObject Parse(object returned) => JsonNode.Parse(returned.ToString()!)!.AsObject();
}
