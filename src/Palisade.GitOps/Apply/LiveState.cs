using System.Text.Json.Nodes;
using Palisade.GitOps.Desired;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Apply;

/// <summary>The sync's objects as they are in the cluster now, and the list versions a watch can start from.</summary>
public sealed record LiveState(IReadOnlyDictionary<ObjectKey, JsonObject> Objects, IReadOnlyDictionary<ResourceType, string?> Versions)
{
    /// <summary>Lists every allowed kind with the sync's label selector: one request per kind, whatever the number of objects.</summary>
    public static async Task<LiveState> ReadAsync(ClusterClient cluster, IEnumerable<ResourceType> types, string syncName, ClusterRetry retry, CancellationToken cancellation)
    {
        var objects = new Dictionary<ObjectKey, JsonObject>();
        var versions = new Dictionary<ResourceType, string?>();
        foreach (var type in types)
        {
            var (items, version) = await retry.RunAsync(() => cluster.ListAsync(type, Tracking.Selector(syncName), cancellation), cancellation).ConfigureAwait(false);
            versions[type] = version;
            foreach (var item in items)
            {
                objects[ClusterObjects.Key(type, item)] = item;
            }
        }

        return new LiveState(objects, versions);
    }
}
