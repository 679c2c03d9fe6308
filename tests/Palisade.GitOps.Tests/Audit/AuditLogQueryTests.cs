using Palisade.GitOps.Audit;
using static Palisade.GitOps.Tests.Audit.AuditSamples;

namespace Palisade.GitOps.Tests.Audit;

public sealed class AuditLogQueryTests : IDisposable
{
    private readonly string _state = NewStateDirectory();
    private readonly AuditLog _log;
    private readonly Dictionary<string, long> _ids = [];

    public AuditLogQueryTests()
    {
        _log = AuditLog.Open(_state, AuditRetention.Unlimited);
        _ids["sync-backend"] = _log.Record(SyncAt(Start, "aaaa1111", ObjectChange.Between(Backend, null, Yaml(Backend, 443))));
        _ids["drift-backend"] = _log.Record(DriftAt(Start.AddMinutes(10), Backend));
        _ids["refusal"] = _log.Record(Refusal(Start.AddMinutes(20), "bbbb2222"));
        _ids["sync-deny"] = _log.Record(SyncAt(Start.AddMinutes(30), "BBBB3333", ObjectChange.Between(DefaultDeny, Yaml(DefaultDeny, 1), Yaml(DefaultDeny, 2)), ObjectChange.Between(Frontend, Yaml(Frontend, 80), null)));
        _ids["drift-k8s"] = _log.Record(DriftAt(Start.AddMinutes(40), K8sBackend));
    }

    public void Dispose()
    {
        _log.Dispose();
        Remove(_state);
    }

    private string[] Names(AuditQuery query)
    {
        var byId = _ids.ToDictionary(p => p.Value, p => p.Key);
        return [.. _log.Query(query).Select(e => byId[e.Id])];
    }

    [Fact]
    public void AllEventsComeNewestFirstByDefault() =>
        Assert.Equal(["drift-k8s", "sync-deny", "refusal", "drift-backend", "sync-backend"], Names(new AuditQuery()));

    [Fact]
    public void OldestFirstReverses() =>
        Assert.Equal(["sync-backend", "drift-backend", "refusal", "sync-deny", "drift-k8s"], Names(new AuditQuery { OldestFirst = true }));

    [Fact]
    public void LimitKeepsTheNewestOrWithReverseTheOldest()
    {
        Assert.Equal(["drift-k8s", "sync-deny"], Names(new AuditQuery { Limit = 2 }));
        Assert.Equal(["sync-backend", "drift-backend"], Names(new AuditQuery { Limit = 2, OldestFirst = true }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _log.Query(new AuditQuery { Limit = 0 }));
    }

    [Fact]
    public void EventsOfTheSameTimeKeepTheOrderTheyWereRecordedIn()
    {
        var first = _log.Record(Refusal(Start.AddHours(5), "c1"));
        var second = _log.Record(Refusal(Start.AddHours(5), "c2"));

        Assert.Equal([second, first], _log.Query(new AuditQuery { Limit = 2 }).Select(e => e.Id));
    }

    [Fact]
    public void FiltersByType()
    {
        Assert.Equal(["sync-deny", "sync-backend"], Names(new AuditQuery { Type = AuditEventType.Sync }));
        Assert.Equal(["drift-k8s", "drift-backend"], Names(new AuditQuery { Type = AuditEventType.Drift }));
        Assert.Equal(["refusal"], Names(new AuditQuery { Type = AuditEventType.Refusal }));
    }

    [Fact]
    public void FiltersByTimeWithSinceInclusiveAndUntilExclusive()
    {
        Assert.Equal(["drift-k8s", "sync-deny", "refusal"], Names(new AuditQuery { Since = Start.AddMinutes(20) }));
        Assert.Equal(["drift-backend", "sync-backend"], Names(new AuditQuery { Until = Start.AddMinutes(20) }));
        Assert.Equal(["refusal", "drift-backend"], Names(new AuditQuery { Since = Start.AddMinutes(5), Until = Start.AddMinutes(30) }));
        Assert.Equal(["sync-backend"], Names(new AuditQuery { Until = Start.AddMinutes(10).ToOffset(TimeSpan.FromHours(-5)) }));
    }

    [Fact]
    public void FiltersByRevisionPrefixInAnyCase()
    {
        Assert.Equal(["sync-backend"], Names(new AuditQuery { RevisionPrefix = "aaaa1111" }));
        Assert.Equal(["sync-deny", "refusal"], Names(new AuditQuery { RevisionPrefix = "BbBb" }));
        Assert.Empty(Names(new AuditQuery { RevisionPrefix = "bbbb%" }));
    }

    [Fact]
    public void FiltersByKindInAnyCase()
    {
        Assert.Equal(["drift-k8s", "sync-deny", "drift-backend", "sync-backend"], Names(new AuditQuery { Kind = "networkpolicy" }));
        Assert.Equal(["sync-deny"], Names(new AuditQuery { Kind = "GlobalNetworkPolicy" }));
        Assert.Empty(Names(new AuditQuery { Kind = "Pod" }));
    }

    [Fact]
    public void FiltersByAnExactObject()
    {
        Assert.Equal(["drift-backend", "sync-backend"], Names(new AuditQuery { Object = ObjectFilter.Exactly(Backend) }));
        Assert.Equal(["sync-deny"], Names(new AuditQuery { Object = ObjectFilter.Exactly(DefaultDeny) }));
        Assert.Equal(["drift-k8s"], Names(new AuditQuery { Object = ObjectFilter.Exactly(K8sBackend) }));
    }

    [Fact]
    public void FiltersByObjectParts()
    {
        Assert.Equal(["drift-k8s", "drift-backend", "sync-backend"], Names(new AuditQuery { Object = ObjectFilter.Parse("NetworkPolicy/*/backend") }));
        Assert.Equal(["sync-deny", "drift-backend", "sync-backend"], Names(new AuditQuery { Object = ObjectFilter.Parse("NetworkPolicy/shop/*") }));
        Assert.Equal(["sync-deny"], Names(new AuditQuery { Object = new ObjectFilter(null, null, null, "frontend") }));
        Assert.Equal(["drift-k8s"], Names(new AuditQuery { Object = ObjectFilter.Parse("networking.k8s.io/v1/NetworkPolicy/backend") }));
    }

    [Fact]
    public void FiltersCombine()
    {
        Assert.Equal(["drift-backend"], Names(new AuditQuery { Object = ObjectFilter.Exactly(Backend), Type = AuditEventType.Drift }));
        Assert.Equal(["sync-backend"], Names(new AuditQuery { Kind = "NetworkPolicy", Until = Start.AddMinutes(1) }));
        Assert.Empty(Names(new AuditQuery { Object = ObjectFilter.Exactly(Frontend), Kind = "GlobalNetworkPolicy" }));
    }

    [Fact]
    public void FilterValuesAreDataNotSql()
    {
        Assert.Empty(Names(new AuditQuery { Kind = "x' OR '1'='1" }));
        Assert.Empty(Names(new AuditQuery { RevisionPrefix = "' OR 1=1 --" }));
        Assert.Equal(5, Names(new AuditQuery()).Length);
    }
}
