using Palisade.Kube.Calico.Selectors;

namespace Palisade.Kube.Templates;

/// <summary>
/// One INGRESS or EGRESS entry. The peer is the source of ingress traffic or the destination of egress traffic;
/// ports are always the destination's (the workload's own port for ingress). Empty lists and null selectors mean "any".
/// </summary>
public sealed record RuleTemplate(
    TemplateSource Source,
    TrafficDirection Direction,
    RuleAction Action,
    Protocol? Protocol,
    IReadOnlyList<PortSpec> Ports,
    Selector? PeerSelector,
    IReadOnlyList<string> PeerNets,
    Selector? PeerNamespaceSelector,
    Selector? PeerServiceAccountSelector,
    int? IcmpType,
    int? IcmpCode)
{
    /// <summary>The key that holds a given field in this rule's direction, e.g. <c>Ports</c> → <c>EgressPort</c>.</summary>
    public string Key(RuleField field) => RuleKeys.For(Direction, field);
}
