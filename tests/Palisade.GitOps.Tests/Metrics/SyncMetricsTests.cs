using Palisade.GitOps.Metrics;

namespace Palisade.GitOps.Tests.Metrics;

/// <summary>What the controller records shows up in a real scrape under the documented names, labels and values.</summary>
public sealed class SyncMetricsTests
{
    [Fact]
    public async Task ReconcilesAreCountedAndTimedByResult()
    {
        var metrics = new SyncMetrics();
        metrics.ObserveReconcile(ReconcileResult.Applied, TimeSpan.FromSeconds(2));
        metrics.ObserveReconcile(ReconcileResult.Applied, TimeSpan.FromSeconds(0.5));
        metrics.ObserveReconcile(ReconcileResult.Refused, TimeSpan.Zero);

        var scrape = await Scrape.MetricsAsync(metrics);

        Assert.Equal(2, scrape.Value("palisade_reconcile_total", ("result", "applied")));
        Assert.Equal(1, scrape.Value("palisade_reconcile_total", ("result", "refused")));
        Assert.Equal(0, scrape.Value("palisade_reconcile_total", ("result", "failed")));
        Assert.Equal(0, scrape.Value("palisade_reconcile_total", ("result", "unchanged")));
        Assert.Equal(2, scrape.Value("palisade_reconcile_duration_seconds_count", ("result", "applied")));
        Assert.Equal(2.5, scrape.Value("palisade_reconcile_duration_seconds_sum", ("result", "applied")));
        Assert.Equal(1, scrape.Value("palisade_reconcile_duration_seconds_bucket", ("result", "applied"), ("le", "1")));
        Assert.Equal(2, scrape.Value("palisade_reconcile_duration_seconds_bucket", ("result", "applied"), ("le", "2.5")));
    }

    [Fact]
    public async Task DriftIsCountedByKindAsDetectedAndReverted()
    {
        var metrics = new SyncMetrics();
        metrics.DriftDetected("NetworkPolicy");
        metrics.DriftDetected("NetworkPolicy");
        metrics.DriftDetected("GlobalNetworkPolicy");
        metrics.DriftReverted("NetworkPolicy");

        var scrape = await Scrape.MetricsAsync(metrics);

        Assert.Equal(2, scrape.Value("palisade_drift_detected_total", ("kind", "NetworkPolicy")));
        Assert.Equal(1, scrape.Value("palisade_drift_detected_total", ("kind", "GlobalNetworkPolicy")));
        Assert.Equal(1, scrape.Value("palisade_drift_reverted_total", ("kind", "NetworkPolicy")));
        Assert.DoesNotContain(scrape, s => s.Name == "palisade_drift_reverted_total" && s.Labels["kind"] == "GlobalNetworkPolicy");
    }

    [Fact]
    public async Task AppliedAndPrunedObjectsAreCounted()
    {
        var metrics = new SyncMetrics();
        metrics.ObjectApplied(ApplyAction.Created);
        metrics.ObjectApplied(ApplyAction.Configured);
        metrics.ObjectApplied(ApplyAction.Configured);
        metrics.ObjectsPruned(3);
        metrics.ObjectsPruned(0);
        metrics.ObjectsPruned(2);
        metrics.SetManagedObjects(40);
        metrics.SetManagedObjects(37);

        var scrape = await Scrape.MetricsAsync(metrics);

        Assert.Equal(1, scrape.Value("palisade_objects_applied_total", ("action", "created")));
        Assert.Equal(2, scrape.Value("palisade_objects_applied_total", ("action", "configured")));
        Assert.Equal(5, scrape.Value("palisade_objects_pruned_total"));
        Assert.Equal(37, scrape.Value("palisade_managed_objects"));
    }

    [Fact]
    public async Task RefusalsAndRetriesAreCountedByReasonAndStatus()
    {
        var metrics = new SyncMetrics();
        metrics.RevisionRefused("SignatureInvalid");
        metrics.RevisionRefused("SignatureInvalid");
        metrics.RevisionRefused("PolicyViolation");
        metrics.ApiRetried(429);
        metrics.ApiRetried(503);
        metrics.ApiRetried(429);

        var scrape = await Scrape.MetricsAsync(metrics);

        Assert.Equal(2, scrape.Value("palisade_revision_refused_total", ("reason", "SignatureInvalid")));
        Assert.Equal(1, scrape.Value("palisade_revision_refused_total", ("reason", "PolicyViolation")));
        Assert.Equal(2, scrape.Value("palisade_api_retries_total", ("code", "429")));
        Assert.Equal(1, scrape.Value("palisade_api_retries_total", ("code", "503")));
    }

    [Fact]
    public async Task OnlyTheLastAppliedRevisionIsExportedWithItsTime()
    {
        var time = new SteppedTime(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var metrics = new SyncMetrics(time);
        metrics.SetLastAppliedRevision("main@sha1:aaaa");
        time.Now = time.Now.AddSeconds(90.5);
        metrics.SetLastAppliedRevision("main@sha1:bbbb");

        var scrape = await Scrape.MetricsAsync(metrics);

        var info = Assert.Single(scrape, s => s.Name == "palisade_last_applied_revision_info");
        Assert.Equal("main@sha1:bbbb", info.Labels["revision"]);
        Assert.Equal(1, info.Value);
        Assert.Equal(1_800_000_090.5, scrape.Value("palisade_last_applied_timestamp_seconds"));
    }

    [Fact]
    public async Task EachInstanceKeepsItsOwnCounts()
    {
        var first = new SyncMetrics();
        var second = new SyncMetrics();
        first.DriftDetected("NetworkPolicy");

        var scrape = await Scrape.MetricsAsync(second);

        Assert.NotSame(first.Registry, second.Registry);
        Assert.DoesNotContain(scrape, s => s.Name == "palisade_drift_detected_total");
        Assert.Equal(0, scrape.Value("palisade_reconcile_total", ("result", "applied")));
    }

    [Fact]
    public void NegativeCountsAreRejected()
    {
        var metrics = new SyncMetrics();

        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.ObjectsPruned(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.SetManagedObjects(-1));
    }

    private sealed class SteppedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
