using Palisade.Kube.Manifests;

namespace Palisade.Kube.Templates;

/// <summary>Reads and checks one INGRESS or EGRESS rule of a policy template.</summary>
internal static class RuleReader
{
    public static RuleTemplate? Read(MappingNode mapping, TrafficDirection direction, int index, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var fields = new FieldReader(mapping, $"{RuleKeys.ListKey(direction)}[{index}]", diagnostics);
        string Key(RuleField field) => RuleKeys.For(direction, field);

        var other = direction == TrafficDirection.Ingress ? TrafficDirection.Egress : TrafficDirection.Ingress;
        fields.RejectUnknownKeys(RuleKeys.All(direction), key =>
        {
            var index = RuleKeys.All(other).ToList().IndexOf(key);
            return index < 0 ? null
                : $"{key} belongs in {RuleKeys.ListKey(other)}; in {RuleKeys.ListKey(direction)} use {RuleKeys.All(direction)[index]}";
        });

        var actionText = fields.RequiredString(Key(RuleField.Action), "in every rule (Allow, Deny, Log or Pass)");
        var action = ValueParsers.Enum<RuleAction>(fields, Key(RuleField.Action), actionText);
        var protocol = ValueParsers.Protocol(fields, Key(RuleField.Protocol));
        var ports = ValueParsers.Ports(fields, Key(RuleField.Port));
        var peer = ValueParsers.Selector(fields, Key(RuleField.PeerSelector));
        var nets = ValueParsers.Nets(fields, Key(RuleField.Nets));
        var namespaces = ValueParsers.Selector(fields, Key(RuleField.NamespaceSelector));
        var serviceAccounts = ValueParsers.Selector(fields, Key(RuleField.ServiceAccountSelector));
        var icmpType = ValueParsers.SmallInteger(fields, Key(RuleField.IcmpType), 254);
        var icmpCode = ValueParsers.SmallInteger(fields, Key(RuleField.IcmpCode), 255);

        if (ports.Count > 0 && protocol is null && fields.Has(Key(RuleField.Port)))
        {
            fields.Error(Key(RuleField.Port), $"ports need {Key(RuleField.Protocol)} TCP, UDP or SCTP");
        }
        else if (ports.Count > 0 && protocol is { TakesPorts: false })
        {
            fields.Error(Key(RuleField.Port), $"protocol {protocol} takes no ports; only TCP, UDP and SCTP rules match ports");
        }

        if ((icmpType is not null || icmpCode is not null) && protocol is not { IsIcmp: true })
        {
            var key = icmpType is not null ? Key(RuleField.IcmpType) : Key(RuleField.IcmpCode);
            fields.Error(key, $"ICMP type and code need {Key(RuleField.Protocol)} ICMP or ICMPv6");
        }

        if (icmpCode is not null && icmpType is null)
        {
            fields.Error(Key(RuleField.IcmpCode), $"an ICMP code needs {Key(RuleField.IcmpType)} too");
        }

        if (protocol is { IsIcmp: true } && nets.FirstOrDefault(n => n.Contains(':', StringComparison.Ordinal) == protocol.IsIcmpV4) is { } mismatch)
        {
            fields.Error(Key(RuleField.Nets), $"{mismatch} is {(protocol.IsIcmpV4 ? "IPv6" : "IPv4")} but protocol {protocol} is for {(protocol.IsIcmpV4 ? "IPv4" : "IPv6")}");
        }

        if (diagnostics.Count > before || action is null)
        {
            return null;
        }

        return new RuleTemplate(fields.Source, direction, action.Value, protocol, ports, peer, nets, namespaces, serviceAccounts, icmpType, icmpCode);
    }
}
