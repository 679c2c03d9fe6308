using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Palisade.Admission.Inventory;
using Palisade.Kube.Cluster;
using Palisade.Sandbox;

namespace Palisade.Admission.Tests;

/// <summary>
/// The webhook with <c>--inventory-kubeconfig</c>: the sandbox API server's objects of the synced kinds reach
/// <c>data.inventory</c> and namespace selectors, and follow the cluster as objects come and go.
/// </summary>
public sealed class InventoryWebhookTests
{
    internal const string UniqueNameTemplate = """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata:
          name: uniquenetworkpolicyname
        spec:
          crd:
            spec:
              names:
                kind: UniqueNetworkPolicyName
          targets:
            - target: admission.k8s.gatekeeper.sh
              rego: |
                package uniquenetworkpolicyname

                violation[{"msg": msg}] {
                  name := input.review.object.metadata.name
                  ns := input.review.object.metadata.namespace
                  data.inventory.namespace[other]["networking.k8s.io/v1"]["NetworkPolicy"][name]
                  other != ns
                  msg := sprintf("NetworkPolicy %v already exists in namespace %v", [name, other])
                }
        ---
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: UniqueNetworkPolicyName
        metadata:
          name: unique-networkpolicy-name
        spec:
          match:
            kinds:
              - apiGroups: ["networking.k8s.io"]
                kinds: ["NetworkPolicy"]
        """;

    internal const string SelectedNamespaceTemplate = """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata:
          name: nonetworkpolicy
        spec:
          crd:
            spec:
              names:
                kind: NoNetworkPolicy
          targets:
            - target: admission.k8s.gatekeeper.sh
              rego: |
                package nonetworkpolicy

                violation[{"msg": "no NetworkPolicy here"}] {
                  input.review.object.kind == "NetworkPolicy"
                }
        ---
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: NoNetworkPolicy
        metadata:
          name: frozen-namespaces
        spec:
          match:
            kinds:
              - apiGroups: ["networking.k8s.io"]
                kinds: ["NetworkPolicy"]
            namespaceSelector:
              matchLabels:
                frozen: "true"
        """;

    private static readonly ResourceType[] NamespacesAndPolicies = [ResourceTypes.Namespace, ResourceTypes.KubernetesNetworkPolicy];

    [Fact]
    public async Task A_duplicate_is_denied_while_the_first_exists_and_allowed_once_it_is_deleted()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await cluster.CreateNamespace("team-a");
        await cluster.CreateNamespace("team-b");
        await using var webhook = await StartWebhook(cluster, UniqueNameTemplate, NamespacesAndPolicies);
        await webhook.Server.Inventory!.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        var duplicate = NetworkPolicy("team-b", "allow-dns");

        Assert.True((bool)(await webhook.Review(duplicate))["allowed"]!, "nothing of that name exists yet");

        await cluster.Apply(ResourceTypes.KubernetesNetworkPolicy, NetworkPolicy("team-a", "allow-dns"));
        Assert.True(await Eventually.Holds(async () => !(bool)(await webhook.Review(duplicate))["allowed"]!), "the first NetworkPolicy never reached the inventory");
        var denied = await webhook.Review(duplicate);
        Assert.Equal("[unique-networkpolicy-name] NetworkPolicy allow-dns already exists in namespace team-a", (string?)denied["status"]!["message"]);

        await cluster.Cluster.DeleteAsync(ResourceTypes.KubernetesNetworkPolicy, "team-a", "allow-dns", dryRun: false, TestContext.Current.CancellationToken);
        Assert.True(await Eventually.Holds(async () => (bool)(await webhook.Review(duplicate))["allowed"]!), "the deletion never reached the inventory");
    }

    [Fact]
    public async Task A_namespace_selector_matches_the_labels_of_the_synced_namespace()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await cluster.CreateNamespace("frozen", new JsonObject { ["frozen"] = "true" });
        await cluster.CreateNamespace("open");
        await using var webhook = await StartWebhook(cluster, SelectedNamespaceTemplate, [ResourceTypes.Namespace]);
        await webhook.Server.Inventory!.WaitUntilReadyAsync(TestContext.Current.CancellationToken);

        var inFrozen = await webhook.Review(NetworkPolicy("frozen", "web"));
        Assert.False((bool)inFrozen["allowed"]!);
        Assert.Equal("[frozen-namespaces] no NetworkPolicy here", (string?)inFrozen["status"]!["message"]);
        Assert.True((bool)(await webhook.Review(NetworkPolicy("open", "web")))["allowed"]!);

        // A label added later is seen through the watch.
        await cluster.CreateNamespace("open", new JsonObject { ["frozen"] = "true" });
        Assert.True(await Eventually.Holds(async () => !(bool)(await webhook.Review(NetworkPolicy("open", "web")))["allowed"]!), "the new label never reached the inventory");
    }

    [Fact]
    public async Task Readyz_answers_503_until_every_synced_kind_has_been_listed()
    {
        await using var cluster = await SandboxCluster.StartAsync();

        // The sandbox serves no such kind: its list fails, so the webhook never becomes ready.
        var unserved = new ResourceType("example.com", "v1", "Widget", "widgets", Namespaced: true);
        await using (var waiting = await StartWebhook(cluster, SelectedNamespaceTemplate, [ResourceTypes.Namespace, unserved]))
        {
            Assert.True(await Eventually.Holds(() => Task.FromResult(waiting.Server.Inventory!.Pending.SequenceEqual([unserved]))), "Namespaces were never listed");
            var (status, body) = await waiting.Get("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("inventory not yet listed: example.com/v1 Widget\n", body);
            Assert.Equal(HttpStatusCode.OK, (await waiting.Get("/healthz")).Status);
        }

        await using var ready = await StartWebhook(cluster, SelectedNamespaceTemplate, NamespacesAndPolicies);
        await ready.Server.Inventory!.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        Assert.Equal((HttpStatusCode.OK, "ok\n"), await ready.Get("/readyz"));
    }

    [Fact]
    public async Task A_fresh_inventory_is_not_ready_and_holds_nothing_before_its_first_list()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await cluster.CreateNamespace("team-a");
        await using var inventory = new ClusterInventory(cluster.Cluster, NamespacesAndPolicies, NullLogger.Instance);

        Assert.False(inventory.IsReady);
        Assert.Equal(NamespacesAndPolicies, inventory.Pending);
        Assert.Null(inventory.Current.Namespace("team-a"));

        inventory.Start();
        await inventory.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        Assert.True(inventory.IsReady);
        Assert.Empty(inventory.Pending);
        Assert.NotNull(inventory.Current.Namespace("team-a"));
    }

    [Fact]
    public async Task A_watch_that_cannot_resume_because_its_version_expired_lists_again_and_misses_nothing()
    {
        // The server keeps one past event: a watch resumed from before the next three changes gets 410 Expired.
        await using var cluster = await SandboxCluster.StartAsync(new SandboxOptions { WatchHistoryLimit = 1 });
        await cluster.CreateNamespace("team-a");
        var log = new ListLogger();
        await using var inventory = new ClusterInventory(cluster.Cluster, [ResourceTypes.Namespace], log, retryDelay: TimeSpan.FromSeconds(3));
        inventory.Start();
        await inventory.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        Assert.True(await Eventually.Holds(() => Task.FromResult(cluster.Server.OpenWatches == 1)), "the inventory never watched");

        // The watch ends with no event seen, so the inventory waits its retry delay before it resumes: the changes
        // made meanwhile are gone from the server's history by then.
        cluster.Server.EndWatches();
        foreach (var name in new[] { "team-b", "team-c", "team-d" })
        {
            await cluster.CreateNamespace(name);
        }

        Assert.True(
            await Eventually.Holds(() => Task.FromResult(new[] { "team-b", "team-c", "team-d" }.All(n => inventory.Current.Namespace(n) is not null))),
            "the namespaces made while the watch was down never reached the inventory");
        Assert.True(log.Messages.Any(m => m.Contains("too old resource version", StringComparison.Ordinal)), string.Join(" | ", log.Messages));
    }

    private sealed class ListLogger : ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception));
    }

    [Fact]
    public async Task A_custom_kind_is_listed_under_the_plural_its_CustomResourceDefinition_gives_not_a_guess()
    {
        var leaf = SyncedKinds.Parse("example.com/v1/Leaf", out _)!;
        Assert.Equal("leafs", leaf.Plural);
        await using var cluster = await SandboxCluster.StartAsync(new SandboxOptions
        {
            Resources = [.. SandboxResource.Defaults, new SandboxResource("example.com", "v1", "Leaf", "leaves", Namespaced: true)],
        });
        var definitions = new ResourceType("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);
        await cluster.Apply(definitions, (JsonObject)JsonNode.Parse("""
            {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": {"name": "leaves.example.com"},
             "spec": {"group": "example.com", "scope": "Namespaced", "names": {"kind": "Leaf", "plural": "leaves", "singular": "leaf"},
                      "versions": [{"name": "v1", "served": true, "storage": true}]}}
            """)!);
        await cluster.CreateNamespace("team-a");
        await cluster.Apply(leaf with { Plural = "leaves" }, (JsonObject)JsonNode.Parse("""{"apiVersion": "example.com/v1", "kind": "Leaf", "metadata": {"name": "l1", "namespace": "team-a"}}""")!);
        var log = new ListLogger();
        await using var inventory = new ClusterInventory(cluster.Cluster, [leaf], log);

        inventory.Start();
        await inventory.WaitUntilReadyAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(1, inventory.Current.Count);
        Assert.Empty(log.Messages);
    }

    [Fact]
    public async Task Where_the_CustomResourceDefinitions_cannot_be_read_the_guess_is_used_and_the_log_says_so()
    {
        var served = SandboxResource.Defaults.Where(r => r.Kind != "CustomResourceDefinition").ToList();
        await using var cluster = await SandboxCluster.StartAsync(new SandboxOptions { Resources = served });
        var log = new ListLogger();
        await using var inventory = new ClusterInventory(cluster.Cluster, [SyncedKinds.Parse("example.com/v1/Leaf", out _)!], log, retryDelay: TimeSpan.FromMilliseconds(200));

        inventory.Start();

        Assert.True(
            await Eventually.Holds(() => Task.FromResult(log.Messages.Any(m => m.Contains("CustomResourceDefinitions could not be read", StringComparison.Ordinal) && m.Contains("the resource name leafs is a guess", StringComparison.Ordinal)))),
            string.Join(" | ", log.Messages));
        Assert.False(inventory.IsReady);
    }

    [Fact]
    public void Sync_kinds_are_read_as_group_version_kind()
    {
        Assert.Equal(ResourceTypes.Namespace, SyncedKinds.Parse("v1/Namespace", out _));
        Assert.Equal(new ResourceType("networking.k8s.io", "v1", "Ingress", "ingresses", true), SyncedKinds.Parse("networking.k8s.io/v1/Ingress", out _));
        Assert.Equal("storageclasses", SyncedKinds.Parse("storage.k8s.io/v1/StorageClass", out _)!.Plural);
        Assert.Equal("tiers", SyncedKinds.Parse("projectcalico.org/v3/Tier", out _)!.Plural);
        Assert.Equal("gateways", SyncedKinds.Parse("gateway.networking.k8s.io/v1/Gateway", out _)!.Plural);
        Assert.Equal("podsecuritypolicies", SyncedKinds.Parse("policy/v1beta1/PodSecurityPolicy", out _)!.Plural);
        Assert.Null(SyncedKinds.Parse("v1/Secret", out var core));
        Assert.Equal("--sync v1/Secret: of the core group only v1/Namespace, v1/ConfigMap, v1/Service, v1/Pod can be synced", core);
        Assert.Null(SyncedKinds.Parse("Namespace", out var bare));
        Assert.StartsWith("--sync Namespace: not group/version/Kind", bare, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_kubeconfig_stops_the_start_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"palisade-missing-{Guid.NewGuid():N}", "kubeconfig");
        var error = await Assert.ThrowsAsync<InventoryKubeconfigException>(() => StartWebhook(missing, SelectedNamespaceTemplate, [ResourceTypes.Namespace]));
        Assert.StartsWith($"--inventory-kubeconfig {missing}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    internal static Task<WebhookFixture> StartWebhook(SandboxCluster cluster, string templates, IReadOnlyList<ResourceType> kinds) =>
        StartWebhook(cluster.Kubeconfig, templates, kinds);

    private static Task<WebhookFixture> StartWebhook(string kubeconfig, string templates, IReadOnlyList<ResourceType> kinds) =>
        WebhookFixture.Start((root, options) =>
        {
            var folder = Path.Combine(root, "templates");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "policy.yaml"), templates);
            return options with { Sources = new PolicySources { TemplatesDir = folder }, InventoryKubeconfig = kubeconfig, SyncKinds = kinds };
        });

    private static JsonObject NetworkPolicy(string ns, string name) => new()
    {
        ["apiVersion"] = "networking.k8s.io/v1",
        ["kind"] = "NetworkPolicy",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["podSelector"] = new JsonObject(), ["policyTypes"] = new JsonArray("Ingress") },
    };
}
