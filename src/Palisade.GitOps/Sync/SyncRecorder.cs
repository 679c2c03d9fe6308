using Palisade.GitOps.Audit;
using Palisade.GitOps.Metrics;
using Palisade.GitOps.Planning;
using Palisade.GitOps.SelfHeal;
using Palisade.GitOps.Status;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Sync;

/// <summary>
/// Where what a sync does is written down: the audit log, the metrics and the status file, kept in step. Called by
/// the reconciler and by self-heal, from different threads. The same refusal met at every interval is recorded once.
/// </summary>
public sealed class SyncRecorder(SyncOptions options, string sourceName, AuditLog? audit, SyncMetrics? metrics, TimeProvider time, Action<string>? log = null)
{
    private readonly Lock _lock = new();
    private SyncStatus _status = StatusFile.Read(options.StateDirectory) ?? new SyncStatus { Name = options.Name, Source = sourceName };
    private string? _lastRefusal;

    public SyncStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    public void Refused(RevisionRefusal refusal)
    {
        var now = time.GetUtcNow();
        var revision = refusal.Revision?.Id;
        lock (_lock)
        {
            var fingerprint = $"{revision}\n{refusal.Message}";
            if (fingerprint != _lastRefusal)
            {
                _lastRefusal = fingerprint;
                // The audit log names revisions by commit, as sync events do, so one --revision finds both.
                audit?.Record(new RefusalEvent(now, refusal.Revision?.Commit, refusal.Reason, refusal.Message, refusal.Problems.Select(p => new Violation(p.File ?? string.Empty, p.Line > 0 ? p.Line : null, p.Message, p.Rule)).ToList()));
                metrics?.RevisionRefused(refusal.Reason.ToString());
                log?.Invoke($"refused {revision ?? "the source"}: {refusal.Message}");
                foreach (var problem in refusal.Problems.Skip(1))
                {
                    log?.Invoke("  " + problem);
                }
            }

            var fetch = refusal.Reason == RefusalReason.FetchFailed;
            _status = (_status with { LastAttemptedRevision = revision ?? _status.LastAttemptedRevision, LastReconcileAt = now })
                .With("Ready", "False", refusal.Reason.ToString(), refusal.Message, now)
                .With("Reconciling", "False", fetch ? "RetryingFetch" : "Refused", fetch ? "the last applied revision stays in place; the fetch is retried at the next interval" : "waiting for a new revision", now)
                .With("Stalled", fetch ? "False" : "True", fetch ? "RetryingFetch" : refusal.Reason.ToString(), fetch ? string.Empty : refusal.Message, now);
            Save();
        }

        metrics?.ObserveReconcile(ReconcileResult.Refused, TimeSpan.Zero);
    }

    public void Synced(RevisionPlan plan, bool sameRevision, TimeSpan duration)
    {
        var now = time.GetUtcNow();
        var changes = plan.Plan.Changes.Where(c => c.Action != ChangeAction.Unchanged).ToList();
        lock (_lock)
        {
            _lastRefusal = null;
            if (sameRevision)
            {
                // Differences found by the periodic full comparison are drifts the watch did not catch.
                foreach (var change in changes.Where(c => c.Action is ChangeAction.Create or ChangeAction.Configure))
                {
                    var kind = change.Action == ChangeAction.Create ? DriftKind.Deleted : DriftKind.Modified;
                    audit?.Record(new DriftEvent(now, Reference(change.Key), kind, change.Diff, change.Drift?.ChangedBy, reverted: true, notRevertedReason: null));
                    metrics?.DriftDetected(change.Key.Kind);
                    metrics?.DriftReverted(change.Key.Kind);
                    _status = _status with { DriftDetected = _status.DriftDetected + 1, DriftReverted = _status.DriftReverted + 1 };
                }
            }
            else
            {
                var commit = plan.Revision.CommitInfo;
                audit?.Record(new SyncEvent(
                    now,
                    plan.Revision.Commit ?? plan.Revision.Id,
                    plan.Revision.Source,
                    commit is null ? string.Empty : $"{commit.Author} <{commit.AuthorEmail}>",
                    commit is null ? string.Empty : $"{commit.Committer} <{commit.CommitterEmail}>",
                    plan.Signature?.Commit?.Signer,
                    SyncOutcome.Applied,
                    null,
                    changes.Select(c => new ObjectChange(Reference(c.Key), ChangeKindOf(c.Action), c.Diff)).ToList(),
                    plan.Plan.Count(ChangeAction.Unchanged)));
            }

            foreach (var change in changes)
            {
                switch (change.Action)
                {
                    case ChangeAction.Create:
                        metrics?.ObjectApplied(ApplyAction.Created);
                        break;
                    case ChangeAction.Configure:
                        metrics?.ObjectApplied(ApplyAction.Configured);
                        break;
                }
            }

            metrics?.ObjectsPruned(plan.Plan.Count(ChangeAction.Prune));
            metrics?.SetManagedObjects(plan.Desired.Objects.Count);
            metrics?.SetLastAppliedRevision(plan.Revision.Id);
            var summary = $"{plan.Revision.Id}: {plan.Plan.Count(ChangeAction.Create)} created, {plan.Plan.Count(ChangeAction.Configure)} configured, {plan.Plan.Count(ChangeAction.Prune)} pruned, {plan.Plan.Count(ChangeAction.Unchanged)} unchanged";
            if (!sameRevision || changes.Count > 0)
            {
                log?.Invoke((sameRevision ? "resynced " : "applied ") + summary);
                foreach (var change in changes)
                {
                    log?.Invoke($"  {Verb(change.Action)} {change.Key}");
                }
            }

            _status = (_status with
            {
                LastAppliedRevision = plan.Revision.Id,
                LastAttemptedRevision = plan.Revision.Id,
                LastAppliedAt = sameRevision ? _status.LastAppliedAt : now,
                LastReconcileAt = now,
                ManagedObjects = plan.Desired.Objects.Count,
            })
                .With("Ready", "True", "ReconciliationSucceeded", "applied " + summary, now)
                .With("Reconciling", "False", "Succeeded", "the cluster matches the revision", now)
                .With("Stalled", "False", "Succeeded", string.Empty, now);
            Save();
        }

        metrics?.ObserveReconcile(changes.Count == 0 ? ReconcileResult.Unchanged : ReconcileResult.Applied, duration);
    }

    public void Failed(RevisionPlan plan, string message, TimeSpan duration)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            audit?.Record(new SyncEvent(now, plan.Revision.Commit ?? plan.Revision.Id, plan.Revision.Source, string.Empty, string.Empty, plan.Signature?.Commit?.Signer, SyncOutcome.Failed, message, [], 0));
            log?.Invoke($"apply of {plan.Revision.Id} failed: {message}");
            _status = (_status with { LastAttemptedRevision = plan.Revision.Id, LastReconcileAt = now })
                .With("Ready", "False", "ApplyFailed", message, now)
                .With("Reconciling", "True", "ProgressingWithRetry", "the apply is retried at the next interval", now)
                .With("Stalled", "False", "ApplyFailed", string.Empty, now);
            Save();
        }

        metrics?.ObserveReconcile(ReconcileResult.Failed, duration);
    }

    public void Drifted(DriftReport report)
    {
        lock (_lock)
        {
            audit?.Record(new DriftEvent(report.Time, Reference(report.Key), report.Kind, report.Drift.Diff, report.Drift.ChangedBy.Count == 0 ? null : report.Drift.ChangedBy, report.Reverted, report.NotRevertedBecause));
            metrics?.DriftDetected(report.Key.Kind);
            if (report.Reverted)
            {
                metrics?.DriftReverted(report.Key.Kind);
            }

            var who = report.Drift.ChangedBy.Count == 0 ? string.Empty : $" by {string.Join(", ", report.Drift.ChangedBy)}";
            var outcome = report.Reverted ? $"reverted in {report.Latency.TotalMilliseconds:0} ms" : report.NotRevertedBecause;
            log?.Invoke($"drift: {report.Key} {report.Kind.ToString().ToLowerInvariant()}{who}; {outcome}");
            _status = _status with
            {
                DriftDetected = _status.DriftDetected + 1,
                DriftReverted = _status.DriftReverted + (report.Reverted ? 1 : 0),
            };
            Save();
        }
    }

    private void Save() => StatusFile.Write(options.StateDirectory, _status);

    private static string Verb(ChangeAction action) => action switch
    {
        ChangeAction.Create => "created",
        ChangeAction.Configure => "configured",
        ChangeAction.Prune => "pruned",
        _ => "unchanged",
    };

    private static ChangeKind ChangeKindOf(ChangeAction action) => action switch
    {
        ChangeAction.Create => ChangeKind.Created,
        ChangeAction.Prune => ChangeKind.Pruned,
        _ => ChangeKind.Configured,
    };

    public static ObjectRef Reference(ObjectKey key)
    {
        var apiVersion = ResourceTypes.Known.TryGetValue(key.GroupKind, out var type) ? type.ApiVersion : key.Group;
        return new ObjectRef(apiVersion, key.Kind, key.Namespace, key.Name);
    }
}
