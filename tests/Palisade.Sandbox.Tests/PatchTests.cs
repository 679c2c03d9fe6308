using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

public sealed class PatchTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<string> PolicyAsync()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("p", ns, 100), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation);
        return ns;
    }

    private async Task<JsonObject> PatchAsync(string ns, string body, string type) =>
        Parse(await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(body, Enum.Parse<V1Patch.PatchType>(type)), CalicoGroup, CalicoVersion, ns, "networkpolicies", "p", cancellationToken: Cancellation));

    [Fact]
    public async Task A_JSON_patch_whose_test_passes_is_applied()
    {
        var ns = await PolicyAsync();
        var patched = await PatchAsync(ns, """[{"op":"test","path":"/spec/order","value":100},{"op":"replace","path":"/spec/order","value":1},{"op":"add","path":"/spec/types/-","value":"Egress"}]""", "JsonPatch");
        Assert.Equal(1, (int?)patched["spec"]?["order"]);
        Assert.Equal("Egress", (string?)patched["spec"]?["types"]?[1]);
    }

    [Fact]
    public async Task A_JSON_patch_whose_test_fails_is_422_and_changes_nothing()
    {
        var ns = await PolicyAsync();
        var status = await StatusAssert.RefusedAsync(() => PatchAsync(ns, """[{"op":"replace","path":"/spec/order","value":1},{"op":"test","path":"/spec/order","value":100}]""", "JsonPatch"), 422, "Invalid");
        Assert.Contains("test failed", (string?)status["details"]?["causes"]?[0]?["message"]);
        var unchanged = Parse(await sandbox.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "p", Cancellation));
        Assert.Equal(100, (int?)unchanged["spec"]?["order"]);
    }

    [Fact]
    public async Task A_JSON_patch_removing_a_missing_path_is_422()
    {
        var ns = await PolicyAsync();
        await StatusAssert.RefusedAsync(() => PatchAsync(ns, """[{"op":"remove","path":"/spec/absent"}]""", "JsonPatch"), 422, "Invalid");
    }

    [Fact]
    public async Task A_merge_patch_with_null_deletes_the_field()
    {
        var ns = await PolicyAsync();
        var patched = await PatchAsync(ns, """{"spec":{"ingress":null,"order":3}}""", "MergePatch");
        Assert.Null(patched["spec"]?["ingress"]);
        Assert.Equal(3, (int?)patched["spec"]?["order"]);
    }

    [Fact]
    public async Task A_merge_patch_with_a_stale_resource_version_is_409()
    {
        var ns = await PolicyAsync();
        await StatusAssert.RefusedAsync(() => PatchAsync(ns, """{"metadata":{"resourceVersion":"1"},"spec":{"order":3}}""", "MergePatch"), 409, "Conflict");
    }

    [Fact]
    public async Task A_strategic_merge_patch_replaces_atomic_lists_and_merges_maps()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var policy = new V1NetworkPolicy
        {
            Metadata = new V1ObjectMeta { Name = "smp", Labels = new Dictionary<string, string> { ["a"] = "1" } },
            Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = ["Ingress"] },
        };
        await sandbox.Client.NetworkingV1.CreateNamespacedNetworkPolicyAsync(policy, ns, cancellationToken: Cancellation);
        var patch = new V1Patch("""{"metadata":{"labels":{"b":"2"}},"spec":{"policyTypes":["Egress"],"$setElementOrder/policyTypes":["Egress"]}}""", V1Patch.PatchType.StrategicMergePatch);
        var patched = await sandbox.Client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(patch, "smp", ns, cancellationToken: Cancellation);
        Assert.Equal(["Egress"], patched.Spec.PolicyTypes);
        Assert.Equal("1", patched.Metadata.Labels["a"]);
        Assert.Equal("2", patched.Metadata.Labels["b"]);
    }

    [Fact]
    public async Task Patching_a_missing_object_is_404()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await StatusAssert.RefusedAsync(() => PatchAsync(ns, """{"spec":{"order":3}}""", "MergePatch"), 404, "NotFound");
    }
}
