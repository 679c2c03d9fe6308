using System.Text.Json.Nodes;
using Palisade.GitOps.Desired;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Inventory;

/// <summary>
/// Keeps a sync's inventory in the cluster, in a ConfigMap of the controller's namespace, as Flux keeps its inventory
/// in the Kustomization's status: it survives a restart or a move to another replica, and it is there for anyone
/// with read access to see what Palisade owns. Entries are sorted object ids, one per line.
/// </summary>
public sealed class InventoryStore(ClusterClient cluster, string ns, string syncName)
{
    public string ConfigMapName => $"palisade-inventory-{syncName}";

    public string Namespace => ns;

    /// <summary>The stored inventory; null when this sync has none yet (it never applied anything here).</summary>
    public async Task<Inventory?> ReadAsync(CancellationToken cancellation)
    {
        var map = await cluster.GetAsync(ResourceTypes.ConfigMap, ns, ConfigMapName, cancellation).ConfigureAwait(false);
        if (map?["data"] is not JsonObject data)
        {
            return null;
        }

        var entries = (data["entries"]?.GetValue<string>() ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(ObjectKey.FromId)
            .ToList();
        return new Inventory(data["revision"]?.GetValue<string>() ?? string.Empty, entries);
    }

    public Task WriteAsync(Inventory inventory, CancellationToken cancellation)
    {
        var map = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = ConfigMapName,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { [Tracking.ManagedByLabel] = Tracking.ManagedByValue, [Tracking.SyncLabel] = syncName },
            },
            ["data"] = new JsonObject
            {
                ["revision"] = inventory.Revision,
                ["entries"] = string.Join('\n', inventory.Entries.Select(e => e.Id).Order(StringComparer.Ordinal)),
            },
        };
        return cluster.ApplyAsync(ResourceTypes.ConfigMap, map, Tracking.FieldManager, force: true, dryRun: false, cancellation);
    }
}
