using System.Text.Json;
using Palisade.GitOps.Audit;
using static Palisade.GitOps.Tests.Audit.AuditSamples;

namespace Palisade.GitOps.Tests.Audit;

public sealed class AuditJsonTests
{
    private static JsonElement Single(AuditEvent auditEvent)
    {
        using var document = JsonDocument.Parse(AuditJson.Serialize([new AuditEntry(42, auditEvent)]));
        return Assert.Single(document.RootElement.EnumerateArray()).Clone();
    }

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void ASyncEventHasItsFieldsInAFixedOrder()
    {
        var sync = SyncAt(Start, "abc123", ObjectChange.Between(Backend, Yaml(Backend, 1), Yaml(Backend, 2)));

        var json = Single(sync);

        Assert.Equal(["id", "type", "time", "revision", "source", "author", "committer", "signer", "outcome", "message", "counts", "changes"], Keys(json));
        Assert.Equal(42, json.GetProperty("id").GetInt64());
        Assert.Equal("sync", json.GetProperty("type").GetString());
        Assert.Equal("2026-03-01T12:00:00Z", json.GetProperty("time").GetString());
        Assert.Equal("applied", json.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("message").ValueKind);
        Assert.Equal("""{"created":0,"configured":1,"pruned":0,"unchanged":7}""", json.GetProperty("counts").GetRawText().Replace(" ", "").Replace("\n", ""));
        var change = Assert.Single(json.GetProperty("changes").EnumerateArray());
        Assert.Equal(["object", "change", "diff"], Keys(change));
        Assert.Equal(["ref", "apiVersion", "kind", "namespace", "name"], Keys(change.GetProperty("object")));
        Assert.Equal("projectcalico.org/v3/NetworkPolicy/shop/backend", change.GetProperty("object").GetProperty("ref").GetString());
        Assert.Equal("configured", change.GetProperty("change").GetString());
        Assert.Equal(sync.Changes[0].Diff, change.GetProperty("diff").GetString());
    }

    [Fact]
    public void ADriftEventHasItsObjectAndManagers()
    {
        var json = Single(DriftAt(Start.AddTicks(1_234_500), DefaultDeny));

        Assert.Equal(["id", "type", "time", "object", "drift", "changedBy", "reverted", "notRevertedReason", "diff"], Keys(json));
        Assert.Equal("2026-03-01T12:00:00.12345Z", json.GetProperty("time").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("object").GetProperty("namespace").ValueKind);
        Assert.Equal("modified", json.GetProperty("drift").GetString());
        Assert.Equal("kubectl-edit", Assert.Single(json.GetProperty("changedBy").EnumerateArray()).GetString());
        Assert.False(json.GetProperty("reverted").GetBoolean());
        Assert.Equal("detect-only", json.GetProperty("notRevertedReason").GetString());
    }

    [Fact]
    public void ARefusalHasItsKebabCaseReasonAndViolations()
    {
        var refusal = new RefusalEvent(Start.ToOffset(TimeSpan.FromHours(3)), "abc", RefusalReason.SignatureInvalid, "bad signature", [new Violation("a.yaml", null, "m", null)]);

        var json = Single(refusal);

        Assert.Equal(["id", "type", "time", "revision", "reason", "message", "violations"], Keys(json));
        Assert.Equal("2026-03-01T12:00:00Z", json.GetProperty("time").GetString());
        Assert.Equal("signature-invalid", json.GetProperty("reason").GetString());
        var violation = Assert.Single(json.GetProperty("violations").EnumerateArray());
        Assert.Equal(["file", "line", "message", "rule"], Keys(violation));
        Assert.Equal(JsonValueKind.Null, violation.GetProperty("line").ValueKind);
    }

    [Fact]
    public void NoEventsIsAnEmptyArray() => Assert.Equal("[]", AuditJson.Serialize([]));
}
