using YamlDotNet.RepresentationModel;
using static Palisade.Cli.Tests.CliRunner;
using static Palisade.Cli.Tests.DeployYaml;

namespace Palisade.Cli.Tests;

/// <summary>
/// The in-cluster manifests under deploy/ stay least-privilege and in step with the CLI: every permission is on an
/// explicit list here, so granting more means changing this test on purpose.
/// </summary>
public sealed class DeployManifestsTests
{
    private static readonly string[] ManageVerbs = ["get", "list", "watch", "create", "patch", "update", "delete"];

    /// <summary>Everything the ClusterRole may grant, as <c>group/resource:verb</c> (core group empty).</summary>
    private static readonly HashSet<string> AllowedClusterPermissions =
    [
        .. Grants("networking.k8s.io", ["networkpolicies"], ManageVerbs),
        .. Grants(
            "projectcalico.org",
            [
                "networkpolicies", "globalnetworkpolicies", "stagednetworkpolicies", "stagedglobalnetworkpolicies",
                "stagedkubernetesnetworkpolicies", "networksets", "globalnetworksets", "tiers",
                "tier.networkpolicies", "tier.globalnetworkpolicies", "tier.stagednetworkpolicies", "tier.stagedglobalnetworkpolicies",
            ],
            ManageVerbs),
        .. Grants(string.Empty, ["namespaces"], ["get", "list", "watch"]),
    ];

    /// <summary>Everything the Role in palisade-system may grant, as <c>group/resource:verb@name</c> (no name: any).</summary>
    private static readonly HashSet<string> AllowedNamespacePermissions =
    [
        "/configmaps:get@palisade-inventory-default", "/configmaps:patch@palisade-inventory-default",
        "/configmaps:update@palisade-inventory-default", "/configmaps:create@",
        "coordination.k8s.io/leases:get@palisade-sync-default", "coordination.k8s.io/leases:update@palisade-sync-default",
        "coordination.k8s.io/leases:create@",
    ];

    private static readonly string Deploy = Path.Combine(RepositoryRoot(), "deploy");

    [Fact]
    public void EveryFileInTheKustomizationExistsAndParses()
    {
        var files = KustomizationResources();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.True(File.Exists(Path.Combine(Deploy, file)), $"{file} is listed in deploy/kustomization.yaml but missing");
            foreach (var document in Documents(file))
            {
                Assert.False(string.IsNullOrEmpty(Text(document, "apiVersion")), $"{file}: no apiVersion");
                Assert.False(string.IsNullOrEmpty(Text(document, "kind")), $"{file}: no kind");
                Assert.False(string.IsNullOrEmpty(Text(Map(document, "metadata"), "name")), $"{file}: no metadata.name");
            }
        }

        var unlisted = Directory.GetFiles(Deploy, "*.yaml").Select(Path.GetFileName).Except(files.Append("kustomization.yaml"));
        Assert.Empty(unlisted);
    }

    [Fact]
    public void NoRbacRuleUsesAWildcard()
    {
        foreach (var rule in Rules("clusterrole.yaml").Concat(Rules("role.yaml")))
        {
            foreach (var field in new[] { "apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs" })
            {
                Assert.DoesNotContain("*", Strings(rule, field));
            }
        }
    }

    [Fact]
    public void TheClusterRoleGrantsNothingOnSecrets()
    {
        Assert.DoesNotContain(Rules("clusterrole.yaml"), rule => Strings(rule, "resources").Any(r => r == "secrets" || r.StartsWith("secrets/", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheClusterRoleGrantsExactlyTheAllowedPermissions()
    {
        var granted = new HashSet<string>();
        foreach (var rule in Rules("clusterrole.yaml"))
        {
            Assert.Empty(Strings(rule, "resourceNames"));
            Assert.Empty(Strings(rule, "nonResourceURLs"));
            granted.UnionWith(Strings(rule, "apiGroups").SelectMany(g => Grants(g, Strings(rule, "resources"), Strings(rule, "verbs"))));
        }

        Assert.Empty(granted.Except(AllowedClusterPermissions));
        Assert.Empty(AllowedClusterPermissions.Except(granted));
    }

    [Fact]
    public void TheRoleIsLimitedToTheInventoryAndTheLeaseByName()
    {
        var granted = new HashSet<string>();
        foreach (var rule in Rules("role.yaml"))
        {
            var names = Strings(rule, "resourceNames") is { Count: > 0 } listed ? listed : [string.Empty];
            granted.UnionWith(
                from grant in Strings(rule, "apiGroups").SelectMany(g => Grants(g, Strings(rule, "resources"), Strings(rule, "verbs")))
                from name in names
                select $"{grant}@{name}");
        }

        Assert.Equal(AllowedNamespacePermissions.Order(), granted.Order());
        var role = Assert.Single(Documents("role.yaml"));
        Assert.Equal("palisade-system", Text(Map(role, "metadata"), "namespace"));
    }

    [Fact]
    public void TheBindingsGiveTheRolesToTheSyncServiceAccountOnly()
    {
        foreach (var (file, kind) in new[] { ("clusterrolebinding.yaml", "ClusterRole"), ("rolebinding.yaml", "Role") })
        {
            var binding = Assert.Single(Documents(file));
            Assert.Equal(kind, Text(Map(binding, "roleRef"), "kind"));
            Assert.Equal("palisade-sync", Text(Map(binding, "roleRef"), "name"));
            var subject = (YamlMappingNode)Assert.Single(Sequence(binding, "subjects"));
            Assert.Equal(("ServiceAccount", "palisade-sync", "palisade-system"), (Text(subject, "kind"), Text(subject, "name"), Text(subject, "namespace")));
        }
    }

    [Fact]
    public void TheContainerRunsRestricted()
    {
        var pod = PodSpec();
        var container = Container();
        var security = Map(container, "securityContext");

        Assert.Equal("palisade-sync", Text(pod, "serviceAccountName"));
        Assert.Equal("true", Text(Map(pod, "securityContext"), "runAsNonRoot"));
        Assert.Equal("65532", Text(Map(pod, "securityContext"), "runAsUser"));
        Assert.Equal("RuntimeDefault", Text(Map(Map(pod, "securityContext"), "seccompProfile"), "type"));
        Assert.Equal("true", Text(security, "runAsNonRoot"));
        Assert.Equal("true", Text(security, "readOnlyRootFilesystem"));
        Assert.Equal("false", Text(security, "allowPrivilegeEscalation"));
        Assert.NotEqual("true", Text(security, "privileged"));
        Assert.Equal(["ALL"], Strings(Map(security, "capabilities"), "drop"));
        Assert.Empty(Strings(Map(security, "capabilities"), "add"));
        Assert.Equal("RuntimeDefault", Text(Map(security, "seccompProfile"), "type"));
        Assert.False(pod.Children.ContainsKey("hostNetwork") || pod.Children.ContainsKey("hostPID"), "the pod must not share the node's namespaces");
    }

    /// <summary>The names and aliases of a palisade subcommand's options, from the command itself.</summary>
    internal static HashSet<string> OptionsOf(string subcommand) =>
        [.. PalisadeCommand.Create().Subcommands.Single(c => c.Name == subcommand).Options.SelectMany(o => o.Aliases.Append(o.Name))];

    [Fact]
    public void TheSyncArgumentsUseOnlyValidFlags()
    {
        var args = Strings(Container(), "args");

        Assert.Equal("sync", args[0]);
        var flags = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.Split('=')[0]).ToList();
        Assert.NotEmpty(flags);
        Assert.All(flags, flag => Assert.Contains(flag, OptionsOf("sync")));
        Assert.Contains("--leader-elect", flags);
    }

    [Fact]
    public void TheProbesAndTheMetricsServiceUseTheMetricsPort()
    {
        var container = Container();
        var metricsAddr = Strings(container, "args").Single(a => a.StartsWith("--metrics-addr=", StringComparison.Ordinal));
        var port = (YamlMappingNode)Assert.Single(Sequence(container, "ports"));
        var service = Assert.Single(Documents("service-metrics.yaml"));

        Assert.EndsWith(":" + Text(port, "containerPort"), metricsAddr, StringComparison.Ordinal);
        Assert.Equal("/healthz", Text(Map(Map(container, "livenessProbe"), "httpGet"), "path"));
        Assert.Equal("/readyz", Text(Map(Map(container, "readinessProbe"), "httpGet"), "path"));
        Assert.Equal(Text(port, "name"), Text(Map(Map(container, "livenessProbe"), "httpGet"), "port"));
        Assert.Equal(Text(port, "name"), Text((YamlMappingNode)Assert.Single(Sequence(Map(service, "spec"), "ports")), "targetPort"));
    }

    [Fact]
    public void TheImageRunsPalisadeAsTheNonRootUserWithItsTools()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot(), "Dockerfile"));

        Assert.Contains("\nUSER 65532:65532\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("\nENTRYPOINT [\"palisade\"]\n", dockerfile, StringComparison.Ordinal);
        foreach (var package in new[] { " git ", " openssh-client ", " gnupg " })
        {
            Assert.Contains(package, dockerfile, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KubectlRendersTheKustomization()
    {
        var rendered = await DeployYaml.KustomizeAsync(Deploy);

        var stream = new YamlStream();
        stream.Load(new StringReader(rendered));
        var expected = KustomizationResources().Sum(file => Documents(file).Count);
        Assert.Equal(expected, stream.Documents.Count);
    }

    private static IEnumerable<string> Grants(string group, IEnumerable<string> resources, IEnumerable<string> verbs) =>
        from resource in resources from verb in verbs select $"{group}/{resource}:{verb}";

    private static List<string> KustomizationResources() => DeployYaml.Resources(Deploy);

    private static List<YamlMappingNode> Documents(string file) => DeployYaml.Documents(Deploy, file);

    private static IEnumerable<YamlMappingNode> Rules(string file) =>
        Documents(file).SelectMany(d => Sequence(d, "rules")).Cast<YamlMappingNode>();

    private static YamlMappingNode PodSpec() => DeployYaml.PodSpec(Deploy, "deployment.yaml");

    private static YamlMappingNode Container() => (YamlMappingNode)Assert.Single(Sequence(PodSpec(), "containers"));
}
