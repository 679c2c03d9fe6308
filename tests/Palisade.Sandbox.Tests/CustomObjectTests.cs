using System.Text.Json.Nodes;
using k8s;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

public sealed class CustomObjectTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Calico_network_policy_is_created_read_patched_and_deleted()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var objects = sandbox.Client.CustomObjects;
        var created = Parse(await objects.CreateNamespacedCustomObjectAsync(NetworkPolicy("allow-web", ns, 100), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation));
        Assert.Equal(1, (int?)created["metadata"]?["generation"]);

        var read = Parse(await objects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", Cancellation));
        Assert.Equal("app == 'web'", (string?)read["spec"]?["selector"]);

        var patch = new k8s.Models.V1Patch("""{"spec":{"order":200}}""", k8s.Models.V1Patch.PatchType.MergePatch);
        var patched = Parse(await objects.PatchNamespacedCustomObjectAsync(patch, CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", cancellationToken: Cancellation));
        Assert.Equal(200, (int?)patched["spec"]?["order"]);
        Assert.Equal(2, (int?)patched["metadata"]?["generation"]);

        await objects.DeleteNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", cancellationToken: Cancellation);
        await StatusAssert.RefusedAsync(() => objects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", Cancellation), 404, "NotFound");
    }

    [Fact]
    public async Task A_global_network_policy_is_cluster_scoped_and_listed_without_a_namespace()
    {
        var objects = sandbox.Client.CustomObjects;
        await objects.CreateClusterCustomObjectAsync(GlobalNetworkPolicy("deny-egress", 10), CalicoGroup, CalicoVersion, "globalnetworkpolicies", cancellationToken: Cancellation);
        var list = Parse(await objects.ListClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "globalnetworkpolicies", cancellationToken: Cancellation));
        var item = Assert.Single(list["items"]!.AsArray(), i => (string?)i?["metadata"]?["name"] == "deny-egress");
        Assert.Null(item?["metadata"]?["namespace"]);
        Assert.Equal("GlobalNetworkPolicyList", (string?)list["kind"]);
        await objects.DeleteClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "globalnetworkpolicies", "deny-egress", cancellationToken: Cancellation);
    }

    [Fact]
    public async Task The_crd_group_of_Calico_is_served_apart_from_its_api_server_group()
    {
        var objects = sandbox.Client.CustomObjects;
        var policy = GlobalNetworkPolicy("crd-deny", 20);
        policy["apiVersion"] = "crd.projectcalico.org/v1";
        await objects.CreateClusterCustomObjectAsync(policy, "crd.projectcalico.org", "v1", "globalnetworkpolicies", cancellationToken: Cancellation);

        var read = Parse(await objects.GetClusterCustomObjectAsync("crd.projectcalico.org", "v1", "globalnetworkpolicies", "crd-deny", Cancellation));
        Assert.Equal("crd.projectcalico.org/v1", (string?)read["apiVersion"]);
        await StatusAssert.RefusedAsync(() => objects.GetClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "globalnetworkpolicies", "crd-deny", Cancellation), 404, "NotFound");
        await objects.DeleteClusterCustomObjectAsync("crd.projectcalico.org", "v1", "globalnetworkpolicies", "crd-deny", cancellationToken: Cancellation);
    }

    [Fact]
    public async Task The_default_tier_exists_at_start()
    {
        var tier = Parse(await sandbox.Client.CustomObjects.GetClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "tiers", "default", Cancellation));
        Assert.Equal("Tier", (string?)tier["kind"]);
    }

    [Fact]
    public async Task Listing_across_namespaces_returns_the_objects_of_every_namespace()
    {
        var first = await sandbox.NewNamespaceAsync();
        var second = await sandbox.NewNamespaceAsync();
        var objects = sandbox.Client.CustomObjects;
        await objects.CreateNamespacedCustomObjectAsync(NetworkPolicy("p", first, 1), CalicoGroup, CalicoVersion, first, "networkpolicies", cancellationToken: Cancellation);
        await objects.CreateNamespacedCustomObjectAsync(NetworkPolicy("p", second, 2), CalicoGroup, CalicoVersion, second, "networkpolicies", cancellationToken: Cancellation);

        var all = Parse(await objects.ListClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "networkpolicies", cancellationToken: Cancellation));
        var namespaces = all["items"]!.AsArray().Select(i => (string?)i?["metadata"]?["namespace"]).ToList();
        Assert.Contains(first, namespaces);
        Assert.Contains(second, namespaces);
    }

    [Fact]
    public async Task A_body_whose_kind_does_not_match_the_url_is_400()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var wrong = GlobalNetworkPolicy("wrong", 1);
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(wrong, CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation), 400, "BadRequest");
        Assert.Contains("GlobalNetworkPolicy", (string?)status["message"]);
    }

    [Fact]
    public async Task A_body_whose_api_version_does_not_match_the_url_is_400()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var wrong = NetworkPolicy("wrong", ns, 1);
        wrong["apiVersion"] = "networking.k8s.io/v1";
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(wrong, CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation), 400, "BadRequest");
        Assert.Equal("the API version in the data (networking.k8s.io/v1) does not match the expected API version (projectcalico.org/v3)", (string?)status["message"]);
    }

    [Fact]
    public async Task A_replace_whose_name_does_not_match_the_url_is_400()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var objects = sandbox.Client.CustomObjects;
        await objects.CreateNamespacedCustomObjectAsync(NetworkPolicy("right", ns, 1), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation);
        var status = await StatusAssert.RefusedAsync(() => objects.ReplaceNamespacedCustomObjectAsync(NetworkPolicy("other", ns, 2), CalicoGroup, CalicoVersion, ns, "networkpolicies", "right", cancellationToken: Cancellation), 400, "BadRequest");
        Assert.Equal("the name of the object (other) does not match the name on the URL (right)", (string?)status["message"]);
    }

    [Fact]
    public async Task A_namespaced_body_created_in_another_namespace_is_400()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var other = await sandbox.NewNamespaceAsync();
        await StatusAssert.RefusedAsync(() => sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("p", other, 1), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation), 400, "BadRequest");
    }
}
