using System.Diagnostics;
using Palisade.GitOps.Apply;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Desired;
using Palisade.GitOps.Planning;
using Palisade.GitOps.SelfHeal;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Sync;

/// <summary>
/// One reconcile: plan the current revision, and when it passes, dry-run every write (so a revision the API server
/// would reject is refused before any of it lands), apply in order, prune, and store the inventory. Writes are
/// serialized with self-heal through <see cref="WriteLock"/>.
/// </summary>
public sealed class Reconciler(SyncOptions options, RevisionPlanner planner, ObjectWriter writer, SyncRecorder recorder)
{
    private AppliedState? _applied;

    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>The revision last applied and its objects, for self-heal; null until the first apply.</summary>
    public AppliedState? Applied => Volatile.Read(ref _applied);

    public async Task<SyncResult> ReconcileAsync(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var planned = await planner.PlanAsync(cancellation).ConfigureAwait(false);
        if (planned.Refusal is { } refusal)
        {
            recorder.Refused(refusal);
            return new SyncResult(SyncOutcomeKind.Refused, refusal.Revision?.Id, null, refusal, null, clock.Elapsed);
        }

        var plan = planned.Plan!;
        await WriteLock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (options.CreateNamespaces)
            {
                foreach (var ns in plan.Plan.Applies.Select(c => c.Key.Namespace).OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    await writer.EnsureNamespaceAsync(ns, cancellation).ConfigureAwait(false);
                }
            }

            foreach (var change in plan.Plan.Applies)
            {
                try
                {
                    await writer.DryRunAsync(change.Desired!, cancellation).ConfigureAwait(false);
                }
                catch (ClusterException ex) when (!ex.IsTransient)
                {
                    var problem = new Problem(RefusalReason.ApplyRejected, $"{change.Key}: the API server rejects it: {ex.Message}", change.Desired!.Source.File, change.Desired.Source.Line);
                    var rejected = RevisionRefusal.Of(plan.Revision, [problem]);
                    recorder.Refused(rejected);
                    return new SyncResult(SyncOutcomeKind.Refused, plan.Revision.Id, plan.Plan, rejected, null, clock.Elapsed);
                }
            }

            foreach (var change in plan.Plan.Applies)
            {
                await writer.ApplyAsync(change.Desired!, change.Drift?.Added ?? [], cancellation).ConfigureAwait(false);
            }

            foreach (var change in plan.Plan.Prunes)
            {
                await writer.PruneAsync(change.Type, change.Key, change.Live, options.Name, cancellation).ConfigureAwait(false);
            }

            // Without prune, objects Git dropped stay managed (and labelled), so that turning prune on later removes them.
            var kept = options.Prune ? [] : plan.Inventory.Entries;
            var entries = plan.Desired.Objects.Select(o => o.Key).Concat(kept).Distinct().ToList();
            await planner.Inventory.WriteAsync(new Inventory.Inventory(plan.Revision.Id, entries), cancellation).ConfigureAwait(false);
            var previous = _applied;
            Volatile.Write(ref _applied, new AppliedState(plan.Revision.Id, plan.Desired.Objects.ToDictionary(o => o.Key)));
            var kind = plan.Plan.IsEmpty ? SyncOutcomeKind.Unchanged : SyncOutcomeKind.Applied;
            recorder.Synced(plan, sameRevision: previous?.Revision == plan.Revision.Id, clock.Elapsed);
            return new SyncResult(kind, plan.Revision.Id, plan.Plan, null, null, clock.Elapsed);
        }
        catch (ClusterException ex)
        {
            recorder.Failed(plan, ex.Message, clock.Elapsed);
            return new SyncResult(SyncOutcomeKind.Failed, plan.Revision.Id, plan.Plan, null, ex.Message, clock.Elapsed);
        }
        finally
        {
            WriteLock.Release();
        }
    }
}
