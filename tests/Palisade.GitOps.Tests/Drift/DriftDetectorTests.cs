using System.Text.Json.Nodes;
using Palisade.GitOps.Drift;

namespace Palisade.GitOps.Tests.Drift;

public sealed class DriftDetectorTests
{
    private static readonly JsonObject Desired = Parse("""
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
         "metadata": {"name": "db", "namespace": "shop", "labels": {"app.kubernetes.io/managed-by": "palisade"}},
         "spec": {"podSelector": {"matchLabels": {"app": "db"}}, "policyTypes": ["Ingress"], "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "backend"}}}]}]}}
        """);

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static JsonObject Live(Action<JsonObject> change, params (string Manager, string Time, string Fields)[] owners)
    {
        var live = (JsonObject)Desired.DeepClone();
        live["metadata"]!["resourceVersion"] = "7";
        live["metadata"]!["uid"] = "u";
        var managed = new JsonArray();
        foreach (var (manager, time, fields) in owners)
        {
            managed.Add(new JsonObject { ["manager"] = manager, ["operation"] = "Update", ["time"] = time, ["fieldsV1"] = JsonNode.Parse(fields) });
        }

        live["metadata"]!["managedFields"] = managed;
        change(live);
        return live;
    }

    [Fact]
    public void AnUnchangedObjectWithServerMetadataAndExtraLabelsHasNoDrift()
    {
        var live = Live(l => l["metadata"]!["labels"]!["team"] = "shop", ("palisade", "2026-01-01T00:00:00Z", """{"f:spec": {"f:ingress": {}}}"""));

        Assert.Null(DriftDetector.Compare(Desired, live, "palisade"));
    }

    [Fact]
    public void AChangedRuleListIsDriftBlamedOnTheManagerThatOwnsItNow()
    {
        var live = Live(
            l => l["spec"]!["ingress"] = new JsonArray(),
            ("palisade", "2026-01-01T00:00:00Z", """{"f:spec": {"f:podSelector": {}}}"""),
            ("kubectl-patch", "2026-01-02T00:00:00Z", """{"f:spec": {"f:ingress": {}}}"""));

        var drift = DriftDetector.Compare(Desired, live, "palisade");

        Assert.NotNull(drift);
        Assert.Equal([".spec.ingress"], drift.Changed);
        Assert.Empty(drift.Added);
        Assert.Equal(["kubectl-patch"], drift.ChangedBy);
        Assert.Contains("+  ingress: []", drift.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldAddedByAnotherManagerIsDriftButAServerDefaultIsNot()
    {
        var live = Live(
            l =>
            {
                l["spec"]!["egress"] = new JsonArray(new JsonObject());
                l["spec"]!["defaulted"] = true;
            },
            ("kubectl-edit", "2026-01-02T00:00:00Z", """{"f:spec": {"f:egress": {}}}"""));

        var drift = DriftDetector.Compare(Desired, live, "palisade");

        Assert.NotNull(drift);
        Assert.Empty(drift.Changed);
        Assert.Equal([".spec.egress"], drift.Added);
        Assert.Equal(["kubectl-edit"], drift.ChangedBy);
    }

    [Fact]
    public void ARemovedTrackingLabelIsDrift()
    {
        var live = Live(l => ((JsonObject)l["metadata"]!["labels"]!).Remove("app.kubernetes.io/managed-by"));

        var drift = DriftDetector.Compare(Desired, live, "palisade");

        Assert.Equal([".metadata.labels.app.kubernetes.io/managed-by"], drift!.Changed);
    }

    [Fact]
    public void ManagedFieldsReadListElementsAsTheirList()
    {
        var owners = ManagedFields.Read(Live(_ => { }, ("x", "2026-01-01T00:00:00Z", """{"f:spec": {"f:ingress": {"k:{\"port\":80}": {".": {}, "f:port": {}}}, "f:order": {}}}""")));

        Assert.Equal(["x"], owners.Select(o => o.Manager));
        Assert.Equal([".spec.ingress", ".spec.order"], owners[0].Paths.Order(StringComparer.Ordinal));
    }
}
