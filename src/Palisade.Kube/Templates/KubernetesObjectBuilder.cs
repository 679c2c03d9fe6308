using System.Text.Json.Nodes;
using Palisade.Kube.Calico.Selectors;
using Palisade.Kube.Kubernetes;

namespace Palisade.Kube.Templates;

/// <summary>
/// Builds networking.k8s.io/v1 NetworkPolicy objects. Only templates that passed
/// <see cref="KubernetesExpressibility"/> reach here, so every selector converts.
/// </summary>
internal static class KubernetesObjectBuilder
{
    public static JsonObject Build(PolicyTemplate template)
    {
        var spec = new JsonObject
        {
            ["podSelector"] = LabelSelectorOf(template.AppliesTo),
            ["policyTypes"] = Json.Array(template.Directions.Select(d => (JsonNode)d.ToString())),
        };
        spec.AddIfAny("ingress", template.Ingress.Select(r => Rule(r, "from")));
        spec.AddIfAny("egress", template.Egress.Select(r => Rule(r, "to")));
        return Json.Object(template, spec);
    }

    private static JsonObject Rule(RuleTemplate rule, string peersKey)
    {
        var json = new JsonObject();
        json.AddIfAny(peersKey, Peers(rule));
        json.AddIfAny("ports", Ports(rule));
        return json;
    }

    private static IEnumerable<JsonNode> Peers(RuleTemplate rule)
    {
        foreach (var net in rule.PeerNets)
        {
            yield return new JsonObject { ["ipBlock"] = new JsonObject { ["cidr"] = net } };
        }

        if (rule.PeerSelector is null && rule.PeerNamespaceSelector is null)
        {
            yield break;
        }

        var peer = new JsonObject();
        if (rule.PeerSelector is { } pods)
        {
            peer["podSelector"] = LabelSelectorOf(pods);
        }

        if (rule.PeerNamespaceSelector is { } namespaces)
        {
            peer["namespaceSelector"] = LabelSelectorOf(namespaces);
        }

        yield return peer;
    }

    private static IEnumerable<JsonNode> Ports(RuleTemplate rule)
    {
        if (rule.Protocol is null)
        {
            yield break;
        }

        if (rule.Ports.Count == 0)
        {
            yield return new JsonObject { ["protocol"] = rule.Protocol.ToString() };
            yield break;
        }

        foreach (var port in rule.Ports)
        {
            var json = new JsonObject { ["protocol"] = rule.Protocol.ToString() };
            json["port"] = port.IsNamed ? JsonValue.Create(port.Name) : JsonValue.Create(port.From);
            if (port.IsRange)
            {
                json["endPort"] = port.To;
            }

            yield return json;
        }
    }

    private static JsonObject LabelSelectorOf(Selector selector) =>
        LabelSelectorConversion.TryFromCalico(selector, out var labels, out var reason)
            ? labels!.ToJson()
            : throw new InvalidOperationException($"selector {selector} passed the expressibility check but does not convert: {reason}");
}
