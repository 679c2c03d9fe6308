using Palisade.GitOps.Audit;
using Palisade.GitOps.Desired;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Planning;

/// <summary>What prune would delete: objects of the last applied revision that the new one no longer has.</summary>
public sealed record PrunePlan(IReadOnlyList<ObjectKey> Delete, int InventoryCount)
{
    public static PrunePlan Between(IReadOnlyCollection<ObjectKey> inventory, IEnumerable<DesiredObject> desired)
    {
        var wanted = desired.Select(o => o.Key).ToHashSet();
        return new PrunePlan(ApplyOrder.SortForPrune(inventory.Where(k => !wanted.Contains(k))), inventory.Count);
    }

    /// <summary>
    /// Why this plan must not run unless forced: it deletes every managed object (what an emptied or mis-pointed
    /// repository looks like), or more than <paramref name="maxShare"/> of them at once. Null when it may run.
    /// </summary>
    public Problem? Check(double maxShare, bool force)
    {
        if (force || Delete.Count == 0)
        {
            return null;
        }

        if (Delete.Count == InventoryCount)
        {
            return new Problem(RefusalReason.PruneSafety, $"prune would delete all {InventoryCount} managed objects; pass --force-prune if that is meant");
        }

        var share = (double)Delete.Count / InventoryCount;
        return share > maxShare
            ? new Problem(RefusalReason.PruneSafety, $"prune would delete {Delete.Count} of {InventoryCount} managed objects ({share:P0}), more than --max-prune-share {maxShare:P0}; pass --force-prune if that is meant")
            : null;
    }
}
