using System.Text.Json.Nodes;
using Palisade.GitOps.Desired;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Planning;

/// <summary>
/// The order objects are applied in: what others refer to comes first (Namespaces, then Tiers, then network sets),
/// then policies that only deny, then the rest. So a new namespace is never open while its default deny is still on
/// its way, and a policy never names a tier that does not exist yet. Prune goes the other way round.
/// </summary>
public static class ApplyOrder
{
    public static IReadOnlyList<DesiredObject> Sort(IEnumerable<DesiredObject> objects) =>
        objects.OrderBy(Rank).ThenBy(o => o.Key, ObjectKey.ById).ToList();

    /// <summary>Objects to delete: allow policies first, then deny policies, sets, tiers and namespaces last.</summary>
    public static IReadOnlyList<ObjectKey> SortForPrune(IEnumerable<ObjectKey> keys) =>
        keys.OrderByDescending(k => KindRank(k.Kind)).ThenBy(k => k, ObjectKey.ById).ToList();

    private static int Rank(DesiredObject obj)
    {
        var rank = KindRank(obj.Key.Kind);
        return rank == PolicyRank && DeniesOnly(obj.Body) ? PolicyRank - 1 : rank;
    }

    private const int PolicyRank = 5;

    private static int KindRank(string kind) => kind switch
    {
        "Namespace" => 0,
        "Tier" => 1,
        "GlobalNetworkSet" or "NetworkSet" => 2,
        "NetworkPolicy" or "GlobalNetworkPolicy" or "StagedNetworkPolicy" or "StagedGlobalNetworkPolicy" or "StagedKubernetesNetworkPolicy" => PolicyRank,
        _ => PolicyRank + 1,
    };

    /// <summary>A policy that allows nothing: no rules at all (a Kubernetes default deny), or only Deny rules (Calico).</summary>
    public static bool DeniesOnly(JsonObject body)
    {
        var spec = body["spec"] as JsonObject;
        var rules = new[] { spec?["ingress"] as JsonArray, spec?["egress"] as JsonArray }.Where(r => r is not null).SelectMany(r => r!).ToList();
        return rules.All(rule => rule is JsonObject r && r["action"] is JsonValue action && action.TryGetValue<string>(out var text) && text is "Deny");
    }
}
