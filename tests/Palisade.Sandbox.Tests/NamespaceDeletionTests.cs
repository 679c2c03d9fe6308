using k8s;
using k8s.Models;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

public sealed class NamespaceDeletionTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_a_namespace_deletes_the_objects_in_it_and_leaves_the_others()
    {
        var doomed = await sandbox.NewNamespaceAsync();
        var kept = await sandbox.NewNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, doomed, cancellationToken: Cancellation);
        await sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("p", doomed, 1), CalicoGroup, CalicoVersion, doomed, "networkpolicies", cancellationToken: Cancellation);
        await sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("p", kept, 1), CalicoGroup, CalicoVersion, kept, "networkpolicies", cancellationToken: Cancellation);
        await sandbox.Client.CustomObjects.CreateClusterCustomObjectAsync(GlobalNetworkPolicy("g-" + doomed, 1), CalicoGroup, CalicoVersion, "globalnetworkpolicies", cancellationToken: Cancellation);

        using var http = sandbox.RawClient();
        using var deleted = await http.DeleteAsync($"/api/v1/namespaces/{doomed}", Cancellation);
        // Like kube-apiserver, the answer is the namespace itself rather than a Status.
        Assert.Equal("Namespace", (string?)System.Text.Json.Nodes.JsonNode.Parse(await deleted.Content.ReadAsStringAsync(Cancellation))?["kind"]);

        await StatusAssert.RefusedAsync(() => sandbox.Client.CoreV1.ReadNamespaceAsync(doomed, cancellationToken: Cancellation), 404, "NotFound");
        Assert.Empty((await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(doomed, cancellationToken: Cancellation)).Items);
        var remaining = Parse(await sandbox.Client.CustomObjects.ListClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "networkpolicies", cancellationToken: Cancellation));
        var namespaces = remaining["items"]!.AsArray().Select(i => (string?)i?["metadata"]?["namespace"]).ToList();
        Assert.DoesNotContain(doomed, namespaces);
        Assert.Contains(kept, namespaces);
        await sandbox.Client.CustomObjects.GetClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "globalnetworkpolicies", "g-" + doomed, Cancellation);
    }

    [Fact]
    public async Task The_objects_of_a_deleted_namespace_are_seen_deleted_by_watches()
    {
        var doomed = await sandbox.NewNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, doomed, cancellationToken: Cancellation);
        var start = (await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(doomed, cancellationToken: Cancellation)).Metadata.ResourceVersion;
        await using var watch = await RawWatch.OpenAsync(sandbox, $"/api/v1/namespaces/{doomed}/configmaps?watch=true&resourceVersion={start}");
        await sandbox.Client.CoreV1.DeleteNamespaceAsync(doomed, cancellationToken: Cancellation);
        var deleted = await watch.NextChangeAsync();
        Assert.Equal("DELETED", (string?)deleted?["type"]);
        Assert.Equal("cm", (string?)deleted?["object"]?["metadata"]?["name"]);
    }
}
