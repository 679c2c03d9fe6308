using k8s;
using k8s.Models;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("palisade-sandbox-store-").FullName;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Objects_and_resource_versions_survive_a_restart()
    {
        string uid;
        string deletedAt;
        await using (var first = await TestSandbox.StartAsync(new SandboxOptions { PersistDirectory = directory }))
        {
            await first.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "shop" } }, cancellationToken: Cancellation);
            uid = (string)Parse(await first.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("kept", "shop", 7), CalicoGroup, CalicoVersion, "shop", "networkpolicies", cancellationToken: Cancellation))["metadata"]!["uid"]!;
            await first.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("gone", "shop", 8), CalicoGroup, CalicoVersion, "shop", "networkpolicies", cancellationToken: Cancellation);
            await first.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, "shop", "networkpolicies", "gone", cancellationToken: Cancellation);
            deletedAt = (await first.Client.CoreV1.ListNamespaceAsync(cancellationToken: Cancellation)).Metadata.ResourceVersion;
        }

        await using var second = await TestSandbox.StartAsync(new SandboxOptions { PersistDirectory = directory });
        var kept = Parse(await second.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, "shop", "networkpolicies", "kept", Cancellation));
        Assert.Equal(uid, (string?)kept["metadata"]?["uid"]);
        Assert.Equal(7, (int?)kept["spec"]?["order"]);
        await StatusAssert.RefusedAsync(() => second.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, "shop", "networkpolicies", "gone", Cancellation), 404, "NotFound");

        // Resource versions go on from where they were, past the deletion too.
        var next = await second.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after" } }, "shop", cancellationToken: Cancellation);
        Assert.True(long.Parse(next.Metadata.ResourceVersion) > long.Parse(deletedAt));
    }

    [Fact]
    public async Task Without_a_folder_nothing_is_kept()
    {
        await using (var first = await TestSandbox.StartAsync())
        {
            await first.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "ephemeral" } }, cancellationToken: Cancellation);
        }

        await using var second = await TestSandbox.StartAsync();
        await StatusAssert.RefusedAsync(() => second.Client.CoreV1.ReadNamespaceAsync("ephemeral", cancellationToken: Cancellation), 404, "NotFound");
    }
}
