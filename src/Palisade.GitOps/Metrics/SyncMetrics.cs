using Prometheus;

namespace Palisade.GitOps.Metrics;

/// <summary>
/// The sync controller's Prometheus metrics. Each instance owns its registry rather than prometheus-net's static
/// default one, so two controllers (or tests running in parallel) never see each other's counts, and the default
/// registry's process and .NET runtime collectors are not exported by accident. docs/metrics.md describes each metric.
/// </summary>
public sealed class SyncMetrics
{
    // Reconciles fetch, verify, check and apply a revision: from well under a second to minutes on a big repository.
    private static readonly double[] DurationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly TimeProvider _time;
    private readonly Counter _reconciles;
    private readonly Histogram _reconcileDuration;
    private readonly Counter _driftDetected;
    private readonly Counter _driftReverted;
    private readonly Counter _pruned;
    private readonly Counter _applied;
    private readonly Counter _refused;
    private readonly Gauge _managed;
    private readonly Gauge _lastRevision;
    private readonly Gauge _lastAppliedAt;
    private readonly Counter _retries;
    private readonly Lock _revisionLock = new();
    private string? _currentRevision;

    public SyncMetrics()
        : this(TimeProvider.System)
    {
    }

    internal SyncMetrics(TimeProvider time)
    {
        _time = time;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _reconciles = factory.CreateCounter("palisade_reconcile_total", "Reconciles of the source with the cluster, by how they ended.", "result");
        _reconcileDuration = factory.CreateHistogram(
            "palisade_reconcile_duration_seconds",
            "How long reconciles took, by how they ended.",
            new HistogramConfiguration { LabelNames = ["result"], Buckets = DurationBuckets });
        _driftDetected = factory.CreateCounter("palisade_drift_detected_total", "Managed objects found changed or deleted in the cluster, by kind.", "kind");
        _driftReverted = factory.CreateCounter("palisade_drift_reverted_total", "Drifted objects put back as Git has them, by kind.", "kind");
        _pruned = factory.CreateCounter("palisade_objects_pruned_total", "Objects deleted because they left the source.");
        _applied = factory.CreateCounter("palisade_objects_applied_total", "Objects written to the cluster, by whether they were created or changed.", "action");
        _refused = factory.CreateCounter("palisade_revision_refused_total", "Revisions not applied, by reason.", "reason");
        _managed = factory.CreateGauge("palisade_managed_objects", "Objects the last applied revision manages.");
        _lastRevision = factory.CreateGauge("palisade_last_applied_revision_info", "Always 1, labelled with the revision last applied.", "revision");
        _lastAppliedAt = factory.CreateGauge("palisade_last_applied_timestamp_seconds", "Unix time at which a revision was last applied.");
        _retries = factory.CreateCounter("palisade_api_retries_total", "Kubernetes API calls retried, by the HTTP status that caused the retry.", "code");

        // Series for every known result and action exist from the start at 0, so rate() and increase() see the
        // first event instead of a series that appears out of nothing.
        foreach (var result in Enum.GetValues<ReconcileResult>())
        {
            _reconciles.WithLabels(Label(result));
            _reconcileDuration.WithLabels(Label(result));
        }

        foreach (var action in Enum.GetValues<ApplyAction>())
        {
            _applied.WithLabels(Label(action));
        }
    }

    public CollectorRegistry Registry { get; }

    public void ObserveReconcile(ReconcileResult result, TimeSpan duration)
    {
        _reconciles.WithLabels(Label(result)).Inc();
        _reconcileDuration.WithLabels(Label(result)).Observe(Math.Max(0, duration.TotalSeconds));
    }

    public void DriftDetected(string kind) => _driftDetected.WithLabels(kind).Inc();

    public void DriftReverted(string kind) => _driftReverted.WithLabels(kind).Inc();

    public void ObjectsPruned(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _pruned.Inc(count);
    }

    public void ObjectApplied(ApplyAction action) => _applied.WithLabels(Label(action)).Inc();

    public void RevisionRefused(string reason) => _refused.WithLabels(reason).Inc();

    public void SetManagedObjects(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _managed.Set(count);
    }

    public void SetLastAppliedRevision(string revision)
    {
        ArgumentException.ThrowIfNullOrEmpty(revision);
        lock (_revisionLock)
        {
            // Only the current revision keeps a series: an info metric with every past revision would grow
            // without bound and make "which revision is live" ambiguous.
            if (_currentRevision is not null && _currentRevision != revision)
            {
                _lastRevision.RemoveLabelled(_currentRevision);
            }

            _currentRevision = revision;
            _lastRevision.WithLabels(revision).Set(1);
            _lastAppliedAt.Set(_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    public void ApiRetried(int statusCode) => _retries.WithLabels(statusCode.ToString()).Inc();

    private static string Label<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
