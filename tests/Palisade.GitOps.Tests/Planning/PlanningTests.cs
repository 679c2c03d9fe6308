using System.Text.Json.Nodes;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Desired;
using Palisade.GitOps.Planning;
using Palisade.Kube.Cluster;
using Palisade.Kube.Manifests;

namespace Palisade.GitOps.Tests.Planning;

public sealed class PlanningTests
{
    private static DesiredObject Obj(string kind, string name, string? ns, string spec = "{}")
    {
        var type = ResourceTypes.Known[kind];
        var body = new JsonObject
        {
            ["apiVersion"] = type.ApiVersion,
            ["kind"] = type.Kind,
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = JsonNode.Parse(spec),
        };
        return new DesiredObject(new ObjectKey(type.Group, type.Kind, ns, name), type, body, new SourceLocation("f.yaml", 1, 1));
    }

    [Fact]
    public void TiersAndSetsGoFirstThenDenyPoliciesThenTheRest()
    {
        var allow = Obj("projectcalico.org/NetworkPolicy", "allow", "shop", """{"ingress": [{"action": "Allow"}]}""");
        var deny = Obj("projectcalico.org/GlobalNetworkPolicy", "deny", null, """{"types": ["Ingress"]}""");
        var kubeDeny = Obj("networking.k8s.io/NetworkPolicy", "kube-deny", "shop", """{"podSelector": {}, "policyTypes": ["Ingress"]}""");
        var set = Obj("projectcalico.org/GlobalNetworkSet", "set", null);
        var tier = Obj("projectcalico.org/Tier", "security", null);

        var order = ApplyOrder.Sort([allow, deny, set, kubeDeny, tier]).Select(o => o.Key.Name).ToList();

        Assert.Equal(["security", "set", "deny", "kube-deny", "allow"], order);
    }

    [Fact]
    public void PruneDeletesWhatGitNoLongerHasAndRefusesToDeleteEverythingOrTooMuch()
    {
        var a = Obj("projectcalico.org/NetworkPolicy", "a", "shop");
        var b = Obj("projectcalico.org/NetworkPolicy", "b", "shop");
        var c = Obj("projectcalico.org/NetworkPolicy", "c", "shop");
        ObjectKey[] inventory = [a.Key, b.Key, c.Key];

        var one = PrunePlan.Between(inventory, [a, b]);
        var all = PrunePlan.Between(inventory, []);
        var two = PrunePlan.Between(inventory, [a]);

        Assert.Equal([c.Key], one.Delete);
        Assert.Null(one.Check(0.5, force: false));
        Assert.Equal(RefusalReason.PruneSafety, all.Check(0.5, force: false)!.Reason);
        Assert.Contains("all 3 managed objects", all.Check(0.5, force: false)!.Message, StringComparison.Ordinal);
        Assert.NotNull(two.Check(0.5, force: false));
        Assert.Null(two.Check(0.7, force: false));
        Assert.Null(all.Check(0.5, force: true));
    }

    [Fact]
    public void APlanCreatesWhatIsMissingConfiguresWhatDriftedAndLeavesTheRest()
    {
        var same = Obj("projectcalico.org/NetworkPolicy", "same", "shop", """{"order": 1}""");
        var changed = Obj("projectcalico.org/NetworkPolicy", "changed", "shop", """{"order": 2}""");
        var missing = Obj("projectcalico.org/NetworkPolicy", "missing", "shop");
        var live = new Dictionary<ObjectKey, JsonObject>
        {
            [same.Key] = (JsonObject)same.Body.DeepClone(),
            [changed.Key] = Live(changed, """{"order": 3}"""),
        };

        var plan = SyncPlan.Make([same, changed, missing], live, prune: null);

        Assert.Equal(ChangeAction.Unchanged, plan.Changes.Single(c => c.Key == same.Key).Action);
        var configure = plan.Changes.Single(c => c.Key == changed.Key);
        Assert.Equal(ChangeAction.Configure, configure.Action);
        Assert.Contains("-  order: 2", configure.Diff, StringComparison.Ordinal);
        Assert.Contains("+  order: 3", configure.Diff, StringComparison.Ordinal);
        Assert.Equal(ChangeAction.Create, plan.Changes.Single(c => c.Key == missing.Key).Action);
        Assert.False(plan.IsEmpty);
    }

    private static JsonObject Live(DesiredObject obj, string spec)
    {
        var live = (JsonObject)obj.Body.DeepClone();
        live["spec"] = JsonNode.Parse(spec);
        return live;
    }
}
