namespace Palisade.Kube.Templates;

public enum RuleField
{
    Action,
    Port,
    Protocol,
    PeerSelector,
    Nets,
    NamespaceSelector,
    ServiceAccountSelector,
    IcmpType,
    IcmpCode,
}

/// <summary>The template keys of a rule. Each is prefixed with its direction; the peer selector is named for its role.</summary>
public static class RuleKeys
{
    public static string For(TrafficDirection direction, RuleField field)
    {
        var prefix = direction.ToString();
        return field switch
        {
            RuleField.PeerSelector => direction == TrafficDirection.Ingress ? "IngressSourceSelector" : "EgressDestinationSelector",
            RuleField.IcmpType => prefix + "IcmpType",
            RuleField.IcmpCode => prefix + "IcmpCode",
            _ => prefix + field,
        };
    }

    public static IReadOnlyList<string> All(TrafficDirection direction) =>
        Enum.GetValues<RuleField>().Select(f => For(direction, f)).ToArray();

    /// <summary>The list key holding rules of a direction: INGRESS or EGRESS.</summary>
    public static string ListKey(TrafficDirection direction) => direction.ToString().ToUpperInvariant();
}
