using Palisade.GitOps.Audit;
using static Palisade.GitOps.Tests.Audit.AuditSamples;

namespace Palisade.GitOps.Tests.Audit;

public sealed class AuditLogRecordTests : IDisposable
{
    private readonly string _state = NewStateDirectory();

    public void Dispose() => Remove(_state);

    private AuditEvent RoundTrip(Func<AuditLog, long> record)
    {
        long id;
        using (var writer = AuditLog.Open(_state, AuditRetention.Unlimited))
        {
            id = record(writer);
        }

        using var reader = AuditLog.OpenExisting(_state);
        var entry = Assert.Single(reader.Query(new AuditQuery()));
        Assert.Equal(id, entry.Id);
        return entry.Event;
    }

    [Fact]
    public void ASyncEventRoundTripsWithItsChangesAndDiffs()
    {
        var time = new DateTimeOffset(2026, 3, 1, 13, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var created = ObjectChange.Between(Frontend, null, Yaml(Frontend, 80));
        var configured = ObjectChange.Between(Backend, Yaml(Backend, 443), Yaml(Backend, 8443));
        var pruned = ObjectChange.Between(DefaultDeny, Yaml(DefaultDeny, 1), null);
        var original = new SyncEvent(time, "0123456789abcdef0123456789abcdef01234567", "https://git.example.com/net.git", "Ana <ana@example.com>", "Bo <bo@example.com>", null, SyncOutcome.Applied, null, [created, configured, pruned], 12);

        var read = Assert.IsType<SyncEvent>(RoundTrip(log => log.Record(original)));

        Assert.Equal(time, read.Time);
        Assert.Equal(TimeSpan.Zero, read.Time.Offset);
        Assert.Equal((original.Revision, original.Source, original.Author, original.Committer, original.Signer), (read.Revision, read.Source, read.Author, read.Committer, read.Signer));
        Assert.Equal((SyncOutcome.Applied, (string?)null, 12), (read.Outcome, read.FailureMessage, read.Unchanged));
        Assert.Equal((1, 1, 1), (read.Created, read.Configured, read.Pruned));
        Assert.Equal(original.Changes, read.Changes);
        Assert.Contains("-        ports: [443]\n+        ports: [8443]\n", read.Changes[1].Diff, StringComparison.Ordinal);
        Assert.StartsWith("--- a/projectcalico.org/v3/NetworkPolicy/shop/backend\n+++ b/projectcalico.org/v3/NetworkPolicy/shop/backend\n", read.Changes[1].Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedSyncKeepsItsMessageAndSigner()
    {
        var original = new SyncEvent(Start, "feedface", "ssh://git.example.com/net.git", "Ana", "Bo", "ana@example.com", SyncOutcome.Failed, "apply shop/backend: admission webhook denied the request", [], 0);

        var read = Assert.IsType<SyncEvent>(RoundTrip(log => log.Record(original)));

        Assert.Equal((SyncOutcome.Failed, original.FailureMessage, "ana@example.com"), (read.Outcome, read.FailureMessage, read.Signer));
        Assert.Empty(read.Changes);
    }

    [Fact]
    public void ADriftEventRoundTrips()
    {
        var original = DriftAt(Start, Backend);

        var read = Assert.IsType<DriftEvent>(RoundTrip(log => log.Record(original)));

        Assert.Equal((original.Time, original.Object, original.Drift, original.Diff), (read.Time, read.Object, read.Drift, read.Diff));
        Assert.Equal(["kubectl-edit"], read.ChangedBy!);
        Assert.Equal((false, "detect-only"), (read.Reverted, read.NotRevertedReason));
    }

    [Fact]
    public void ARevertedDeletionOfAClusterScopedObjectWithUnknownManagersRoundTrips()
    {
        var original = new DriftEvent(Start, DefaultDeny, DriftKind.Deleted, AuditDiff.Of(DefaultDeny, Yaml(DefaultDeny, 1), ""), null, true, null);

        var read = Assert.IsType<DriftEvent>(RoundTrip(log => log.Record(original)));

        Assert.Equal(DefaultDeny, read.Object);
        Assert.Null(read.Object.Namespace);
        Assert.Equal((DriftKind.Deleted, true, (string?)null), (read.Drift, read.Reverted, read.NotRevertedReason));
        Assert.Null(read.ChangedBy);
    }

    [Fact]
    public void ARefusalRoundTripsWithItsViolations()
    {
        var original = Refusal(Start, "abcdef1234");

        var read = Assert.IsType<RefusalEvent>(RoundTrip(log => log.Record(original)));

        Assert.Equal((original.Revision, original.Reason, original.Message), (read.Revision, read.Reason, read.Message));
        Assert.Equal(original.Violations, read.Violations);
    }

    [Fact]
    public void ARefusalOfAnUnfetchableRevisionHasNoRevision()
    {
        var original = new RefusalEvent(Start, null, RefusalReason.FetchFailed, "git fetch: could not resolve host", []);

        var read = Assert.IsType<RefusalEvent>(RoundTrip(log => log.Record(original)));

        Assert.Null(read.Revision);
        Assert.Equal(RefusalReason.FetchFailed, read.Reason);
        Assert.Empty(read.Violations);
    }

    [Fact]
    public void EventsRefuseContradictoryFields()
    {
        Assert.Throws<ArgumentException>(() => new SyncEvent(Start, "abc", "s", "a", "c", null, SyncOutcome.Failed, null, [], 0));
        Assert.Throws<ArgumentException>(() => new SyncEvent(Start, "abc", "s", "a", "c", null, SyncOutcome.Applied, "but it failed", [], 0));
        Assert.Throws<ArgumentException>(() => new DriftEvent(Start, Backend, DriftKind.Modified, "", null, false, null));
        Assert.Throws<ArgumentException>(() => new DriftEvent(Start, Backend, DriftKind.Modified, "", null, true, "backoff"));
        Assert.Throws<ArgumentException>(() => ObjectChange.Between(Backend, null, null));
    }

    [Fact]
    public void EveryRefusalReasonIsStoredAndReadBack()
    {
        using var log = AuditLog.Open(_state, AuditRetention.Unlimited);
        var reasons = Enum.GetValues<RefusalReason>();
        foreach (var reason in reasons)
        {
            log.Record(new RefusalEvent(Start, "abc", reason, "refused", []));
        }

        var read = log.Query(new AuditQuery { OldestFirst = true }).Select(e => ((RefusalEvent)e.Event).Reason);

        Assert.Equal(reasons, read);
    }
}
