using k8s;
using k8s.Models;

namespace Palisade.Sandbox.Tests;

public sealed class CoreObjectTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static V1ConfigMap ConfigMap(string name, string value) =>
        new() { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "web" } }, Data = new Dictionary<string, string> { ["key"] = value } };

    [Fact]
    public async Task A_config_map_is_created_read_replaced_listed_and_deleted()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var core = sandbox.Client.CoreV1;

        var created = await core.CreateNamespacedConfigMapAsync(ConfigMap("settings", "one"), ns, cancellationToken: Cancellation);
        Assert.Equal(ns, created.Metadata.NamespaceProperty);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.True(long.Parse(created.Metadata.ResourceVersion) > 0);

        var read = await core.ReadNamespacedConfigMapAsync("settings", ns, cancellationToken: Cancellation);
        Assert.Equal("one", read.Data["key"]);

        read.Data["key"] = "two";
        var replaced = await core.ReplaceNamespacedConfigMapAsync(read, "settings", ns, cancellationToken: Cancellation);
        Assert.Equal("two", replaced.Data["key"]);
        Assert.Equal(created.Metadata.Uid, replaced.Metadata.Uid);
        Assert.True(long.Parse(replaced.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));

        var list = await core.ListNamespacedConfigMapAsync(ns, cancellationToken: Cancellation);
        Assert.Equal("settings", Assert.Single(list.Items).Metadata.Name);

        var deleted = await core.DeleteNamespacedConfigMapAsync("settings", ns, cancellationToken: Cancellation);
        Assert.Equal("Success", deleted.Status);
        Assert.Equal(created.Metadata.Uid, deleted.Details.Uid);
        Assert.Empty((await core.ListNamespacedConfigMapAsync(ns, cancellationToken: Cancellation)).Items);
    }

    [Fact]
    public async Task Reading_a_missing_object_is_404_with_the_real_server_status()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.NetworkingV1.ReadNamespacedNetworkPolicyAsync("absent", ns, cancellationToken: Cancellation), 404, "NotFound");
        Assert.Equal("networkpolicies.networking.k8s.io \"absent\" not found", (string?)status["message"]);
        Assert.Equal("absent", (string?)status["details"]?["name"]);
        Assert.Equal("networking.k8s.io", (string?)status["details"]?["group"]);
        Assert.Equal("networkpolicies", (string?)status["details"]?["kind"]);
    }

    [Fact]
    public async Task Creating_an_existing_object_is_409_AlreadyExists()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("twice", "x"), ns, cancellationToken: Cancellation);
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("twice", "y"), ns, cancellationToken: Cancellation), 409, "AlreadyExists");
        Assert.Equal("configmaps \"twice\" already exists", (string?)status["message"]);
        Assert.Equal("configmaps", (string?)status["details"]?["kind"]);
        Assert.Null(status["details"]?["group"]);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_404_naming_the_namespace()
    {
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("orphan", "x"), "no-such-namespace", cancellationToken: Cancellation), 404, "NotFound");
        Assert.Equal("namespaces \"no-such-namespace\" not found", (string?)status["message"]);
        Assert.Equal("namespaces", (string?)status["details"]?["kind"]);
    }

    [Fact]
    public async Task Replacing_with_a_stale_resource_version_is_409_Conflict()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var created = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("raced", "one"), ns, cancellationToken: Cancellation);
        created.Data["key"] = "two";
        await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "raced", ns, cancellationToken: Cancellation);

        created.Data["key"] = "three";
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "raced", ns, cancellationToken: Cancellation), 409, "Conflict");
        Assert.Equal("Operation cannot be fulfilled on configmaps \"raced\": the object has been modified; please apply your changes to the latest version and try again", (string?)status["message"]);
    }

    [Fact]
    public async Task GenerateName_gives_a_name_with_a_random_suffix()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var body = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "gen-" } };
        var first = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(body, ns, cancellationToken: Cancellation);
        var second = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(body, ns, cancellationToken: Cancellation);
        Assert.Matches("^gen-[a-z0-9]{5}$", first.Metadata.Name);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
    }

    [Fact]
    public async Task A_name_that_is_no_DNS_subdomain_is_422_Invalid()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("Not_Valid", "x"), ns, cancellationToken: Cancellation), 422, "Invalid");
        Assert.StartsWith("ConfigMap \"Not_Valid\" is invalid: metadata.name: Invalid value: \"Not_Valid\": a lowercase RFC 1123 subdomain", (string?)status["message"]);
        Assert.Equal("metadata.name", (string?)status["details"]?["causes"]?[0]?["field"]);
    }

    [Fact]
    public async Task Generation_starts_at_one_and_grows_only_when_the_spec_changes()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var policy = new V1NetworkPolicy
        {
            Metadata = new V1ObjectMeta { Name = "gen" },
            Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = ["Ingress"] },
        };
        var created = await sandbox.Client.NetworkingV1.CreateNamespacedNetworkPolicyAsync(policy, ns, cancellationToken: Cancellation);
        Assert.Equal(1, created.Metadata.Generation);

        created.Metadata.Labels = new Dictionary<string, string> { ["only"] = "metadata" };
        var relabelled = await sandbox.Client.NetworkingV1.ReplaceNamespacedNetworkPolicyAsync(created, "gen", ns, cancellationToken: Cancellation);
        Assert.Equal(1, relabelled.Metadata.Generation);

        relabelled.Spec.PolicyTypes = ["Ingress", "Egress"];
        var respecced = await sandbox.Client.NetworkingV1.ReplaceNamespacedNetworkPolicyAsync(relabelled, "gen", ns, cancellationToken: Cancellation);
        Assert.Equal(2, respecced.Metadata.Generation);
    }

    [Fact]
    public async Task The_default_and_kube_system_namespaces_exist_at_start()
    {
        var names = (await sandbox.Client.CoreV1.ListNamespaceAsync(cancellationToken: Cancellation)).Items.Select(n => n.Metadata.Name);
        Assert.Contains("default", names);
        Assert.Contains("kube-system", names);
    }

    [Fact]
    public async Task Namespaces_carry_their_name_as_the_metadata_name_label_even_when_a_write_changes_it()
    {
        var core = sandbox.Client.CoreV1;
        var defaultNamespace = await core.ReadNamespaceAsync("default", cancellationToken: Cancellation);
        Assert.Equal("default", defaultNamespace.Metadata.Labels["kubernetes.io/metadata.name"]);

        var name = "labelled-" + Guid.NewGuid().ToString("N")[..8];
        var created = await core.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["team"] = "a" } } }, cancellationToken: Cancellation);
        Assert.Equal(name, created.Metadata.Labels["kubernetes.io/metadata.name"]);
        Assert.Equal("a", created.Metadata.Labels["team"]);

        var patch = new V1Patch("""{"metadata":{"labels":{"kubernetes.io/metadata.name":"other"}}}""", V1Patch.PatchType.MergePatch);
        var patched = await core.PatchNamespaceAsync(patch, name, cancellationToken: Cancellation);
        Assert.Equal(name, patched.Metadata.Labels["kubernetes.io/metadata.name"]);
    }
}
