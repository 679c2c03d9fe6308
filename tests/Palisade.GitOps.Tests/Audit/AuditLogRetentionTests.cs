using Palisade.GitOps.Audit;
using static Palisade.GitOps.Tests.Audit.AuditSamples;

namespace Palisade.GitOps.Tests.Audit;

public sealed class AuditLogRetentionTests : IDisposable
{
    private readonly string _state = NewStateDirectory();

    public void Dispose() => Remove(_state);

    [Fact]
    public void PruneDeletesTheEventsBeforeATimeWithTheirObjects()
    {
        using var log = AuditLog.Open(_state, AuditRetention.Unlimited);
        log.Record(SyncAt(Start, "a1", ObjectChange.Between(Backend, null, Yaml(Backend, 1))));
        log.Record(DriftAt(Start.AddDays(1), Backend));
        var kept = log.Record(DriftAt(Start.AddDays(2), Frontend));

        Assert.Equal(2, log.Prune(Start.AddDays(2)));

        Assert.Equal([kept], log.Query(new AuditQuery()).Select(e => e.Id));
        Assert.Empty(log.Query(new AuditQuery { Object = ObjectFilter.Exactly(Backend) }));
        Assert.Equal(0, log.Prune(Start.AddDays(2)));
    }

    [Fact]
    public void PruneToCountKeepsTheNewestEvents()
    {
        using var log = AuditLog.Open(_state, AuditRetention.Unlimited);
        var ids = Enumerable.Range(0, 6).Select(i => log.Record(Refusal(Start.AddMinutes(i), $"r{i}"))).ToList();

        Assert.Equal(4, log.PruneToCount(2));

        Assert.Equal([ids[5], ids[4]], log.Query(new AuditQuery()).Select(e => e.Id));
        Assert.Equal(0, log.PruneToCount(2));
    }

    [Fact]
    public void OpeningAppliesTheDefaultRetention()
    {
        var now = DateTimeOffset.UtcNow;
        using (var log = AuditLog.Open(_state, AuditRetention.Unlimited))
        {
            log.Record(Refusal(now - TimeSpan.FromDays(91), "old"));
            log.Record(Refusal(now - TimeSpan.FromDays(89), "recent"));
        }

        using (var log = AuditLog.Open(_state))
        {
            var left = Assert.Single(log.Query(new AuditQuery()));
            Assert.Equal("recent", ((RefusalEvent)left.Event).Revision);
        }
    }

    [Fact]
    public void ACountLimitIsKeptWhileRecording()
    {
        using var log = AuditLog.Open(_state, new AuditRetention(null, 10));
        for (var i = 0; i < 300; i++)
        {
            log.Record(Refusal(Start.AddSeconds(i), $"r{i}"));
        }

        // Retention runs every 256 records, so the log never holds more than the limit plus that many.
        var count = log.Query(new AuditQuery { Limit = 1000 }).Count;
        Assert.InRange(count, 10, 10 + 256);
        Assert.True(count < 300);
        Assert.Equal(count - 10, log.ApplyRetention());
        Assert.Equal(10, log.Query(new AuditQuery { Limit = 1000 }).Count);
    }

    [Fact]
    public void TheDefaultRetentionIsDocumentedAsNinetyDaysAndAHundredThousandEvents() =>
        Assert.Equal(new AuditRetention(TimeSpan.FromDays(90), 100_000), AuditRetention.Default);
}
