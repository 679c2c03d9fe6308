using k8s;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

public sealed class DryRunTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dry_run_create_returns_the_object_without_storing_it()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var objects = sandbox.Client.CustomObjects;
        var returned = Parse(await objects.CreateNamespacedCustomObjectAsync(NetworkPolicy("dry", ns, 1), CalicoGroup, CalicoVersion, ns, "networkpolicies", dryRun: "All", cancellationToken: Cancellation));
        Assert.Equal("dry", (string?)returned["metadata"]?["name"]);
        Assert.NotNull(returned["metadata"]?["uid"]);
        await StatusAssert.RefusedAsync(() => objects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "dry", Cancellation), 404, "NotFound");
    }

    [Fact]
    public async Task A_dry_run_still_validates()
    {
        await StatusAssert.RefusedAsync(() => sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("dry", "missing-ns", 1), CalicoGroup, CalicoVersion, "missing-ns", "networkpolicies", dryRun: "All", cancellationToken: Cancellation), 404, "NotFound");
    }

    [Fact]
    public async Task Dry_run_patch_apply_and_delete_change_nothing()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var objects = sandbox.Client.CustomObjects;
        await objects.CreateNamespacedCustomObjectAsync(NetworkPolicy("kept", ns, 1), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation);

        var patch = new k8s.Models.V1Patch("""{"spec":{"order":9}}""", k8s.Models.V1Patch.PatchType.MergePatch);
        var patched = Parse(await objects.PatchNamespacedCustomObjectAsync(patch, CalicoGroup, CalicoVersion, ns, "networkpolicies", "kept", dryRun: "All", cancellationToken: Cancellation));
        Assert.Equal(9, (int?)patched["spec"]?["order"]);
        var apply = new k8s.Models.V1Patch(NetworkPolicy("kept", ns, 8).ToJsonString(), k8s.Models.V1Patch.PatchType.ApplyPatch);
        await objects.PatchNamespacedCustomObjectAsync(apply, CalicoGroup, CalicoVersion, ns, "networkpolicies", "kept", dryRun: "All", fieldManager: "m", force: true, cancellationToken: Cancellation);
        await objects.DeleteNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "kept", dryRun: "All", cancellationToken: Cancellation);

        var stored = Parse(await objects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "kept", Cancellation));
        Assert.Equal(1, (int?)stored["spec"]?["order"]);
    }
}
