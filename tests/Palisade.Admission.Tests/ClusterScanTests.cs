using System.Text.Json.Nodes;
using Palisade.Admission.Scan;
using Palisade.Kube.Cluster;
using Palisade.Kube.Manifests;
using Palisade.Policy.Conftest;
using Palisade.Sandbox;

namespace Palisade.Admission.Tests;

/// <summary>The objects already in a cluster (the sandbox API server), checked as palisade test checks files.</summary>
public sealed class ClusterScanTests
{
    private static readonly ResourceType CalicoPolicy = ResourceTypes.Find("projectcalico.org/v3", "NetworkPolicy")!;

    [Fact]
    public async Task Each_object_is_checked_under_its_own_name_with_the_messages_palisade_test_gives()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await cluster.CreateNamespace("shop");
        await cluster.Apply(CalicoPolicy, ExamplePolicyTests.CalicoPolicy(600));
        var open = ExamplePolicyTests.CalicoPolicy(100);
        open["metadata"]!["name"] = "wide-open";
        open["spec"]!["ingress"] = new JsonArray(new JsonObject { ["action"] = "Allow" });
        await cluster.Apply(CalicoPolicy, open);

        var scan = await Scan(cluster, ExamplePolicyTests.PolicyDir, ResourceTypes.NetworkSecurity);

        // The cluster's own default tier is an object of a scanned kind too, as on a real Calico cluster.
        Assert.Equal(
            ["projectcalico.org/v3/NetworkPolicy/shop/appid-acme-ams-shop-web", "projectcalico.org/v3/NetworkPolicy/shop/wide-open", "projectcalico.org/v3/Tier/default"],
            scan.Run.Report.Files.Select(f => f.FileName).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(3, scan.Objects);
        Assert.Empty(scan.Unserved);
        var failed = scan.Run.Report.Files.Where(f => f.Failures.Count > 0).ToList();
        Assert.Equal(["projectcalico.org/v3/NetworkPolicy/shop/wide-open"], failed.Select(f => f.FileName).Distinct());
        Assert.Equal(FailuresOfFile(open), failed.SelectMany(f => f.Failures).Select(f => f.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rules_see_the_object_as_kubectl_get_shows_it_without_managed_fields()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await cluster.CreateNamespace("shop");
        await cluster.Apply(CalicoPolicy, ExamplePolicyTests.CalicoPolicy(600));
        using var folder = new TempPolicy("""
            package main
            import rego.v1
            deny contains "managedFields reached the rule" if input.metadata.managedFields
            deny contains "no resourceVersion" if not input.metadata.resourceVersion
            """);

        var scan = await Scan(cluster, folder.Path, [CalicoPolicy]);

        Assert.Equal(1, scan.Objects);
        Assert.Equal(0, scan.Run.Report.Failures);
    }

    [Fact]
    public async Task A_kind_the_cluster_does_not_serve_is_named_and_the_others_are_still_scanned()
    {
        var withoutCalico = SandboxResource.Defaults.Where(r => r.Group != ResourceTypes.CalicoGroup).ToList();
        await using var cluster = await SandboxCluster.StartAsync(new SandboxOptions { Resources = withoutCalico });
        await cluster.CreateNamespace("shop");

        var scan = await Scan(cluster, ExamplePolicyTests.PolicyDir, [CalicoPolicy, ResourceTypes.Namespace]);

        Assert.Equal([CalicoPolicy], scan.Unserved);
        Assert.Contains(scan.Run.Report.Files, f => f.FileName == "v1/Namespace/shop");
    }

    [Fact]
    public async Task Constraints_are_audited_with_the_cluster_as_inventory_and_its_namespaces_for_their_selectors()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await cluster.CreateNamespace("team-a");
        await cluster.CreateNamespace("team-b", new JsonObject { ["frozen"] = "true" });
        await cluster.Apply(ResourceTypes.KubernetesNetworkPolicy, KubernetesPolicy("team-a", "web"));
        await cluster.Apply(ResourceTypes.KubernetesNetworkPolicy, KubernetesPolicy("team-a", "db"));
        await cluster.Apply(ResourceTypes.KubernetesNetworkPolicy, KubernetesPolicy("team-b", "web"));
        using var templates = new TempPolicy("templates.yaml", InventoryWebhookTests.UniqueNameTemplate + "\n---\n"
            + InventoryWebhookTests.SelectedNamespaceTemplate.Replace("  match:", "  enforcementAction: warn\n  match:", StringComparison.Ordinal));

        var options = new ConftestOptions();
        var scan = await ClusterScan.RunAsync(cluster.Cluster, [ResourceTypes.KubernetesNetworkPolicy], new ScanRules(null, options, ConstraintSet.Load(templates.Path)), TestContext.Current.CancellationToken);

        var report = scan.Run.Report;
        Assert.Equal(
            ["networking.k8s.io/v1/NetworkPolicy/team-a/web: NetworkPolicy web already exists in namespace team-b", "networking.k8s.io/v1/NetworkPolicy/team-b/web: NetworkPolicy web already exists in namespace team-a"],
            report.Files.Where(f => f.Namespace == "UniqueNetworkPolicyName/unique-networkpolicy-name").SelectMany(f => f.Failures.Select(r => $"{f.FileName}: {r.Message}")));
        var frozen = Assert.Single(report.Files, f => f.Namespace == "NoNetworkPolicy/frozen-namespaces");
        Assert.Equal("networking.k8s.io/v1/NetworkPolicy/team-b/web", frozen.FileName);
        Assert.Equal(["no NetworkPolicy here"], frozen.Warnings.Select(w => w.Message));
        Assert.Equal((2, 1, 1), (report.Failures, report.Warnings, report.Passed));
    }

    private static JsonObject KubernetesPolicy(string ns, string name) => new()
    {
        ["apiVersion"] = "networking.k8s.io/v1",
        ["kind"] = "NetworkPolicy",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["podSelector"] = new JsonObject() },
    };

    private static Task<ScanResult> Scan(SandboxCluster cluster, string policyDir, IReadOnlyList<ResourceType> kinds)
    {
        var options = new ConftestOptions { Policies = [policyDir] };
        return ClusterScan.RunAsync(cluster.Cluster, kinds, new ScanRules(ConftestPolicy.Load(options, new ManifestReader()), options, []), TestContext.Current.CancellationToken);
    }

    /// <summary>What palisade test reports for the object as written in Git.</summary>
    private static IEnumerable<string> FailuresOfFile(JsonObject obj)
    {
        var options = new ConftestOptions { Policies = [ExamplePolicyTests.PolicyDir] };
        var input = new InputFile("wide-open.yaml", [new InputDocument(Palisade.Rego.Values.ValueJson.FromJson(obj), null)]);
        var run = new ConftestRunner(ConftestPolicy.Load(options, new ManifestReader()), options).Run([input]);
        return run.Report.Files.SelectMany(f => f.Failures).Select(f => f.Message).Order(StringComparer.Ordinal);
    }

    private sealed class TempPolicy : IDisposable
    {
        public TempPolicy(string rego)
            : this("policy.rego", rego)
        {
        }

        public TempPolicy(string file, string text)
        {
            Path = Directory.CreateTempSubdirectory("palisade-scan-").FullName;
            File.WriteAllText(System.IO.Path.Combine(Path, file), text);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
