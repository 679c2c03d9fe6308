using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

/// <summary>The real kubectl against the sandbox: what works of it is what these tests run.</summary>
public sealed class KubectlTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private readonly Kubectl kubectl = fixture.Sandbox.Kubectl();
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Manifests(string ns) => $$"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {{ns}}
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: allow-web
          namespace: {{ns}}
          labels:
            app: web
        spec:
          order: 100
          selector: app == 'web'
          ingress:
          - action: Allow
            protocol: TCP
            destination:
              ports: [80]
          types: [Ingress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-all
          namespace: {{ns}}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    [Fact]
    public async Task Kubectl_create_of_a_builtin_kind_sends_protobuf_and_is_told_to_use_apply()
    {
        var (exit, _, stderr) = await kubectl.RunAsync("create", "namespace", "c-" + Guid.NewGuid().ToString("N")[..10]);

        Assert.NotEqual(0, exit);
        Assert.Contains("Error from server (UnsupportedMediaType): the sandbox reads JSON and YAML request bodies, not application/vnd.kubernetes.protobuf", stderr, StringComparison.Ordinal);
        Assert.Contains("use kubectl apply -f", stderr, StringComparison.Ordinal);
    }

    private async Task<string> ApplyManifestsAsync()
    {
        var ns = "k-" + Guid.NewGuid().ToString("N")[..10];
        var file = Path.Combine(sandbox.Directory, ns + ".yaml");
        await File.WriteAllTextAsync(file, Manifests(ns), Cancellation);
        var output = await kubectl.SucceedAsync("apply", "-f", file);
        Assert.Contains($"namespace/{ns} created", output);
        Assert.Contains("networkpolicy.projectcalico.org/allow-web created", output);
        Assert.Contains("networkpolicy.networking.k8s.io/deny-all created", output);
        return ns;
    }

    [Fact]
    public async Task Apply_then_get_across_namespaces_and_by_the_Calico_resource_name()
    {
        Kubectl.RequireInstalled();
        var ns = await ApplyManifestsAsync();

        var all = JsonNode.Parse(await kubectl.SucceedAsync("get", "netpol", "-A", "-o", "json"))!;
        Assert.Contains(all["items"]!.AsArray(), i => (string?)i?["metadata"]?["name"] == "deny-all" && (string?)i?["metadata"]?["namespace"] == ns);

        var calico = await kubectl.SucceedAsync("get", "networkpolicies.projectcalico.org", "-n", ns);
        Assert.Contains("allow-web", calico);

        var stored = Parse(await sandbox.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", Cancellation));
        Assert.Equal(80, (int?)stored["spec"]?["ingress"]?[0]?["destination"]?["ports"]?[0]);
        Assert.Equal("kubectl-client-side-apply", (string?)stored["metadata"]?["managedFields"]?[0]?["manager"]);
    }

    [Fact]
    public async Task Apply_again_with_a_change_configures_the_object()
    {
        Kubectl.RequireInstalled();
        var ns = await ApplyManifestsAsync();
        var file = Path.Combine(sandbox.Directory, ns + ".yaml");
        await File.WriteAllTextAsync(file, Manifests(ns).Replace("order: 100", "order: 300", StringComparison.Ordinal), Cancellation);
        var output = await kubectl.SucceedAsync("apply", "-f", file);
        Assert.Contains("networkpolicy.projectcalico.org/allow-web configured", output);
        Assert.Contains("networkpolicy.networking.k8s.io/deny-all unchanged", output);
        Assert.Equal("300", await kubectl.SucceedAsync("get", "networkpolicies.projectcalico.org", "allow-web", "-n", ns, "-o", "jsonpath={.spec.order}"));
    }

    [Fact]
    public async Task Patch_merge_and_delete()
    {
        Kubectl.RequireInstalled();
        var ns = await ApplyManifestsAsync();
        Assert.Contains("patched", await kubectl.SucceedAsync("patch", "networkpolicies.projectcalico.org", "allow-web", "-n", ns, "--type", "merge", "-p", """{"spec":{"order":5}}"""));
        var patched = Parse(await sandbox.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", Cancellation));
        Assert.Equal(5, (int?)patched["spec"]?["order"]);
        Assert.Contains(patched["metadata"]!["managedFields"]!.AsArray(), e => (string?)e?["manager"] == "kubectl-patch");

        Assert.Contains("deleted", await kubectl.SucceedAsync("delete", "netpol", "deny-all", "-n", ns));
        var (exit, _, stderr) = await kubectl.RunAsync("get", "netpol", "deny-all", "-n", ns);
        Assert.NotEqual(0, exit);
        Assert.Contains("networkpolicies.networking.k8s.io \"deny-all\" not found", stderr);
    }

    [Fact]
    public async Task A_strategic_merge_patch_and_a_JSON_patch_with_a_failing_test()
    {
        Kubectl.RequireInstalled();
        var ns = await ApplyManifestsAsync();
        await kubectl.SucceedAsync("patch", "netpol", "deny-all", "-n", ns, "-p", """{"metadata":{"labels":{"team":"shop"}}}""");
        var policy = await sandbox.Client.NetworkingV1.ReadNamespacedNetworkPolicyAsync("deny-all", ns, cancellationToken: Cancellation);
        Assert.Equal("shop", policy.Metadata.Labels["team"]);

        var (exit, _, stderr) = await kubectl.RunAsync("patch", "netpol", "deny-all", "-n", ns, "--type", "json", "-p", """[{"op":"test","path":"/spec/policyTypes/0","value":"Egress"}]""");
        Assert.NotEqual(0, exit);
        Assert.Contains("test failed", stderr);
    }

    [Fact]
    public async Task Replace_of_what_get_printed_as_kubectl_edit_does()
    {
        Kubectl.RequireInstalled();
        var ns = await ApplyManifestsAsync();
        var yaml = await kubectl.SucceedAsync("get", "networkpolicies.projectcalico.org", "allow-web", "-n", ns, "-o", "yaml");
        var edited = yaml.Replace("order: 100", "order: 150", StringComparison.Ordinal);
        Assert.Contains("replaced", await kubectl.SucceedWithInputAsync(edited, "replace", "-f", "-"));
        var stored = Parse(await sandbox.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", Cancellation));
        Assert.Equal(150, (int?)stored["spec"]?["order"]);
        Assert.Equal(2, (int?)stored["metadata"]?["generation"]);
    }

    [Fact]
    public async Task Server_side_apply_conflicts_with_another_manager_until_forced()
    {
        Kubectl.RequireInstalled();
        var ns = await ApplyManifestsAsync();
        await kubectl.SucceedAsync("patch", "networkpolicies.projectcalico.org", "allow-web", "-n", ns, "--type", "merge", "-p", """{"spec":{"order":5}}""");
        var file = Path.Combine(sandbox.Directory, ns + ".yaml");

        var (exit, _, stderr) = await kubectl.RunAsync("apply", "--server-side", "-f", file);
        Assert.NotEqual(0, exit);
        Assert.Contains("conflict with \"kubectl-patch\"", stderr);
        Assert.Contains(".spec.order", stderr);

        await kubectl.SucceedAsync("apply", "--server-side", "--force-conflicts", "-f", file);
        var stored = Parse(await sandbox.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", Cancellation));
        Assert.Equal(100, (int?)stored["spec"]?["order"]);
        Assert.Contains(stored["metadata"]!["managedFields"]!.AsArray(), e => (string?)e?["manager"] == "kubectl" && (string?)e?["operation"] == "Apply");
    }

    [Fact]
    public async Task Dry_run_server_stores_nothing()
    {
        Kubectl.RequireInstalled();
        var ns = await ApplyManifestsAsync();
        await kubectl.SucceedAsync("delete", "netpol", "deny-all", "-n", ns, "--dry-run=server");
        await sandbox.Client.NetworkingV1.ReadNamespacedNetworkPolicyAsync("deny-all", ns, cancellationToken: Cancellation);
    }

    [Fact]
    public async Task Api_resources_lists_the_served_kinds_with_short_names()
    {
        Kubectl.RequireInstalled();
        var output = await kubectl.SucceedAsync("api-resources");
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("networkpolicies ", StringComparison.Ordinal) && l.Contains("netpol") && l.Contains("networking.k8s.io/v1"));
        Assert.Contains(lines, l => l.StartsWith("globalnetworkpolicies ", StringComparison.Ordinal) && l.Contains("gnp") && l.Contains("projectcalico.org/v3"));
        Assert.Contains(lines, l => l.StartsWith("tiers ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_watch_sees_a_change()
    {
        Kubectl.RequireInstalled();
        var ns = await ApplyManifestsAsync();
        using var watch = kubectl.Start("get", "networkpolicies.projectcalico.org", "allow-web", "-n", ns, "-w", "-o", "jsonpath={.spec.order}{\"\\n\"}");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var lines = watch.StandardOutput.ReadLineAsync(timeout.Token).AsTask();
            Assert.Equal("100", await lines);

            // kubectl watches one named object from resourceVersion 0 and drops the first event, the object it has
            // just printed; a change made before its watch is open is therefore never shown, against any API
            // server. So change the object until a change shows, each time with a new value.
            var patched = new List<string>();
            lines = watch.StandardOutput.ReadLineAsync(timeout.Token).AsTask();
            while (!lines.IsCompleted)
            {
                var order = 40 + patched.Count;
                patched.Add(order.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var patch = new V1Patch(new JsonObject { ["spec"] = new JsonObject { ["order"] = order } }.ToJsonString(), V1Patch.PatchType.MergePatch);
                await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, CalicoGroup, CalicoVersion, ns, "networkpolicies", "allow-web", cancellationToken: Cancellation);
                await Task.WhenAny(lines, Task.Delay(TimeSpan.FromSeconds(1), timeout.Token));
            }

            Assert.Contains(await lines, patched);
        }
        finally
        {
            watch.Kill();
        }
    }
}
