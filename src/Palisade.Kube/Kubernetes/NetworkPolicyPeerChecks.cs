using Palisade.Kube.Manifests;
using Palisade.Kube.Networking;

namespace Palisade.Kube.Kubernetes;

/// <summary>
/// A NetworkPolicyPeer: at least one of podSelector, namespaceSelector and ipBlock, and ipBlock alone.
/// CIDRs are parsed strictly: the API server accepts "10.0.0.1/24" and widens it to 10.0.0.0/24 (newer versions
/// warn, and reject it under StrictIPCIDRValidation); in a security policy the author may as well have meant the
/// single host, so Palisade makes it an error that names the network it would become.
/// </summary>
internal static class NetworkPolicyPeerChecks
{
    public static void Check(MappingNode peer, FieldPath path, List<Diagnostic> problems)
    {
        var podSelector = peer["podSelector"] as MappingNode;
        var namespaceSelector = peer["namespaceSelector"] as MappingNode;
        var ipBlock = peer["ipBlock"] as MappingNode;
        var count = (podSelector is null ? 0 : 1) + (namespaceSelector is null ? 0 : 1) + (ipBlock is null ? 0 : 1);
        if (count == 0 && !peer.Entries.Any(e => e.Key is "podSelector" or "namespaceSelector" or "ipBlock" && e.Value is not ScalarNode { IsNull: true }))
        {
            problems.Add(new Diagnostic(peer.Location, path.Prefix("must specify a peer: podSelector, namespaceSelector or ipBlock")));
        }
        else if (count > 1 && ipBlock is not null)
        {
            problems.Add(new Diagnostic(peer.Location, path.Prefix("may not specify both ipBlock and another peer")));
        }

        if (podSelector is not null)
        {
            LabelSelectorValidator.Check(podSelector, path.Child("podSelector"), problems);
        }

        if (namespaceSelector is not null)
        {
            LabelSelectorValidator.Check(namespaceSelector, path.Child("namespaceSelector"), problems);
        }

        if (ipBlock is not null)
        {
            CheckIPBlock(ipBlock, path.Child("ipBlock"), problems);
        }
    }

    private static void CheckIPBlock(MappingNode ipBlock, FieldPath path, List<Diagnostic> problems)
    {
        if (ipBlock["cidr"] is not ScalarNode { Kind: ScalarKind.String } cidrNode)
        {
            return;
        }

        if (!Cidr.TryParse(cidrNode.AsString, out var cidr, out var error))
        {
            problems.Add(new Diagnostic(cidrNode.Location, path.Child("cidr").Prefix(error!)));
            return;
        }

        if (ipBlock["except"] is not SequenceNode excepts)
        {
            return;
        }

        for (var i = 0; i < excepts.Count; i++)
        {
            if (excepts.Items[i] is not ScalarNode { Kind: ScalarKind.String } exceptNode)
            {
                continue;
            }

            var exceptPath = path.Child("except").Index(i);
            if (!Cidr.TryParse(exceptNode.AsString, out var except, out error))
            {
                problems.Add(new Diagnostic(exceptNode.Location, exceptPath.Prefix(error!)));
            }
            else if (except.IsIPv6 != cidr.IsIPv6)
            {
                problems.Add(new Diagnostic(exceptNode.Location, exceptPath.Prefix(
                    $"{ValueText.Quote(exceptNode.AsString)} is {(except.IsIPv6 ? "IPv6" : "IPv4")} but cidr {cidr} is {(cidr.IsIPv6 ? "IPv6" : "IPv4")}")));
            }
            else if (!cidr.Contains(except) || except.PrefixLength == cidr.PrefixLength)
            {
                problems.Add(new Diagnostic(exceptNode.Location, exceptPath.Prefix($"{ValueText.Quote(exceptNode.AsString)} is not strictly inside cidr {cidr}")));
            }
        }
    }
}
