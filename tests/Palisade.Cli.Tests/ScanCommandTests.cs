using System.Text.Json.Nodes;
using Palisade.Sandbox;

namespace Palisade.Cli.Tests;

/// <summary><c>palisade scan</c> against the sandbox API server, with objects put there by the real kubectl.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private const string WideOpen = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: wide-open
          namespace: shop
        spec:
          order: 100
          selector: all()
          types: [Ingress]
          ingress:
            - action: Allow
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("palisade-scan-cli-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>A sandbox API server holding the wide-open policy, put there by kubectl; its kubeconfig is <c>kubeconfig</c> in the work folder.</summary>
    private async Task<SandboxServer> StartWithWideOpenAsync()
    {
        Kubectl.RequireInstalled();
        var server = await SandboxServer.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
        try
        {
            var kubeconfig = Path.Combine(_work, "kubeconfig");
            server.WriteKubeconfig(kubeconfig);
            await new Kubectl(kubeconfig, Path.Combine(_work, "cache")).SucceedWithInputAsync(WideOpen, "apply", "-f", "-");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    [Fact]
    public async Task An_object_applied_by_hand_that_breaks_the_rules_fails_the_scan_as_palisade_test_would()
    {
        await using var server = await StartWithWideOpenAsync();
        var kubeconfig = Path.Combine(_work, "kubeconfig");
        var policy = Path.Combine(CliRunner.RepositoryRoot(), "examples", "policy-repo", "policy");

        var (exit, stdout, stderr) = CliRunner.Run("scan", "--kubeconfig", kubeconfig, "-p", policy);
        var json = CliRunner.Run("scan", "--kubeconfig", kubeconfig, "-p", policy, "-o", "json", "--no-fail");

        Assert.Equal(("", 1), (stderr, exit));
        Assert.Contains("FAIL - projectcalico.org/v3/NetworkPolicy/shop/wide-open - main - NetworkPolicy shop/wide-open: spec.order 100 is below 500", stdout, StringComparison.Ordinal);
        Assert.Contains(" 3 failures, 0 exceptions", stdout, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        var files = JsonNode.Parse(json.Stdout)!.AsArray().Select(f => (string)f!["filename"]!).ToList();
        Assert.Equal(["projectcalico.org/v3/NetworkPolicy/shop/wide-open", "projectcalico.org/v3/Tier/default"], files);
    }

    [Fact]
    public async Task Gatekeeper_constraints_alone_are_audited_with_the_constraint_named_in_place_of_the_rego_namespace()
    {
        await using var server = await StartWithWideOpenAsync();
        var kubeconfig = Path.Combine(_work, "kubeconfig");
        var templates = Directory.CreateDirectory(Path.Combine(_work, "templates")).FullName;
        File.WriteAllText(Path.Combine(templates, "owner.yaml"), """
            apiVersion: templates.gatekeeper.sh/v1
            kind: ConstraintTemplate
            metadata:
              name: requireowner
            spec:
              crd:
                spec:
                  names:
                    kind: RequireOwner
              targets:
                - target: admission.k8s.gatekeeper.sh
                  rego: |
                    package requireowner
                    violation[{"msg": msg}] {
                      not input.review.object.metadata.labels.owner
                      msg := sprintf("%v has no owner label", [input.review.object.metadata.name])
                    }
            ---
            apiVersion: constraints.gatekeeper.sh/v1beta1
            kind: RequireOwner
            metadata:
              name: calico-policies-have-owners
            spec:
              match:
                kinds:
                  - apiGroups: ["projectcalico.org"]
                    kinds: ["NetworkPolicy"]
            """);

        var (exit, stdout, stderr) = CliRunner.Run("scan", "--kubeconfig", kubeconfig, "--templates", templates);

        Assert.Equal(("", 1), (stderr, exit));
        Assert.Equal(
            "FAIL - projectcalico.org/v3/NetworkPolicy/shop/wide-open - RequireOwner/calico-policies-have-owners - wide-open has no owner label\n\n1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions\n",
            stdout);
    }

    [Fact]
    public void An_unknown_kind_is_one_line_naming_it_and_exit_1()
    {
        var (exit, stdout, stderr) = CliRunner.Run("scan", "--kind", "example.com/Widget", "--kubeconfig", Path.Combine(_work, "none"));

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("Error: --kind example.com/Widget: unknown kind; known kinds are ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_templates_folder_that_is_not_there_is_one_line_and_exit_1()
    {
        var missing = Path.Combine(_work, "no-templates");

        var (exit, stdout, stderr) = CliRunner.Run("scan", "--templates", missing, "--kubeconfig", Path.Combine(_work, "none"));

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Equal($"Error: {missing}: no such templates folder\n", stderr);
    }

    [Fact]
    public void A_kubeconfig_that_is_not_one_is_one_line_naming_it_and_exit_1()
    {
        var kubeconfig = Path.Combine(_work, "kubeconfig");
        File.WriteAllText(kubeconfig, "garbage\n");
        var policy = Path.Combine(CliRunner.RepositoryRoot(), "examples", "policy-repo", "policy");

        var (exit, stdout, stderr) = CliRunner.Run("scan", "--kubeconfig", kubeconfig, "-p", policy);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Equal($"Error: kubeconfig {kubeconfig} is not a kubeconfig file (YAML with clusters, users and contexts)\n", stderr);
    }

    [Fact]
    public void An_unreachable_cluster_is_one_line_and_exit_1()
    {
        var kubeconfig = Path.Combine(_work, "kubeconfig");
        File.WriteAllText(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: c
                cluster:
                  server: https://127.0.0.1:{LoopbackPort.Unused()}
                  insecure-skip-tls-verify: true
            users:
              - name: u
                user:
                  token: t
            contexts:
              - name: x
                context:
                  cluster: c
                  user: u
            current-context: x
            """);
        var policy = Path.Combine(CliRunner.RepositoryRoot(), "examples", "policy-repo", "policy");

        var (exit, stdout, stderr) = CliRunner.Run("scan", "--kubeconfig", kubeconfig, "-p", policy);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("Error: the API server cannot be reached: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
