using System.Text.Json.Nodes;

namespace Palisade.Kube.Templates;

/// <summary>Builds projectcalico.org/v3 objects from checked templates, with a fixed key order so output is reproducible.</summary>
internal static class CalicoObjectBuilder
{
    public static JsonObject Build(ObjectTemplate template) => template switch
    {
        PolicyTemplate policy => Policy(policy),
        NetworkSetTemplate set => NetworkSet(set),
        _ => throw new ArgumentException($"unknown template type {template.GetType().Name}", nameof(template)),
    };

    private static JsonObject Policy(PolicyTemplate template)
    {
        var spec = new JsonObject();
        spec.AddIfSet("tier", template.Tier);
        if (template.Order is { } order)
        {
            spec["order"] = Json.Number(order);
        }

        spec["selector"] = template.AppliesTo.ToString();
        spec.AddIfSet("namespaceSelector", template.NamespaceSelector?.ToString());
        spec.AddIfSet("serviceAccountSelector", template.ServiceAccountSelector?.ToString());
        spec["types"] = Json.Array(template.Directions.Select(d => (JsonNode)d.ToString()));
        spec.AddIfAny("ingress", template.Ingress.Select(Rule));
        spec.AddIfAny("egress", template.Egress.Select(Rule));
        return Json.Object(template, spec);
    }

    private static JsonObject NetworkSet(NetworkSetTemplate template)
    {
        var spec = new JsonObject { ["nets"] = Json.Array(template.Nets.Select(n => (JsonNode)n)) };
        return Json.Object(template, spec);
    }

    private static JsonObject Rule(RuleTemplate rule)
    {
        var json = new JsonObject { ["action"] = rule.Action.ToString() };
        if (rule.Protocol is { } protocol)
        {
            json["protocol"] = protocol.Name is { } name ? JsonValue.Create(name) : JsonValue.Create(protocol.Number);
        }

        if (rule.IcmpType is { } type)
        {
            var icmp = new JsonObject { ["type"] = type };
            if (rule.IcmpCode is { } code)
            {
                icmp["code"] = code;
            }

            json["icmp"] = icmp;
        }

        var peer = new JsonObject();
        peer.AddIfAny("nets", rule.PeerNets.Select(n => (JsonNode)n));
        peer.AddIfSet("selector", rule.PeerSelector?.ToString());
        peer.AddIfSet("namespaceSelector", rule.PeerNamespaceSelector?.ToString());
        if (rule.PeerServiceAccountSelector is { } accounts)
        {
            peer["serviceAccounts"] = new JsonObject { ["selector"] = accounts.ToString() };
        }

        // Ports are the destination's in both directions: for ingress, the port on the selected workload.
        var destination = rule.Direction == TrafficDirection.Egress ? peer : new JsonObject();
        destination.AddIfAny("ports", rule.Ports.Select(p => p.ToCalico()));
        if (rule.Direction == TrafficDirection.Ingress && peer.Count > 0)
        {
            json["source"] = peer;
        }

        if (destination.Count > 0)
        {
            json["destination"] = destination;
        }

        return json;
    }
}
