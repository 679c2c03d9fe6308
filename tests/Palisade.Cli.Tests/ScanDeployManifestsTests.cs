using Palisade.Kube.Cluster;
using YamlDotNet.RepresentationModel;
using static Palisade.Cli.Tests.CliRunner;
using static Palisade.Cli.Tests.DeployYaml;

namespace Palisade.Cli.Tests;

/// <summary>
/// deploy/scan runs <c>palisade scan</c> on a schedule with nothing it does not need: read access to exactly the
/// kinds it scans, a restricted pod, and flags the command has.
/// </summary>
public sealed class ScanDeployManifestsTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "deploy", "scan");

    [Fact]
    public void EveryListedFileExistsAndParsesAndThePolicyComesFromTheSharedFolder()
    {
        var resources = DeployYaml.Resources(Folder);
        var files = resources.Where(r => r.EndsWith(".yaml", StringComparison.Ordinal)).ToList();

        Assert.Contains("../policy", resources);
        Assert.Empty(Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Except(files.Append("kustomization.yaml")));
        Assert.All(files, file => Assert.NotEmpty(Documents(Folder, file)));
    }

    [Fact]
    public void TheClusterRoleReadsExactlyTheScannedKindsAndNamespacesAndNothingElse()
    {
        var rules = Sequence(Assert.Single(Documents(Folder, "clusterrole.yaml")), "rules").Cast<YamlMappingNode>().ToList();

        var granted = rules.SelectMany(rule => Strings(rule, "apiGroups").SelectMany(group => Strings(rule, "resources").Select(resource => $"{group}/{resource}"))).Order(StringComparer.Ordinal);
        var scanned = ResourceTypes.NetworkSecurity.Append(ResourceTypes.Namespace).Select(t => $"{t.Group}/{t.Plural}").Order(StringComparer.Ordinal);
        Assert.Equal(scanned, granted);
        Assert.All(rules, rule => Assert.Equal(["get", "list"], Strings(rule, "verbs")));
    }

    [Fact]
    public void TheJobRunsRestrictedWithTheScanFlagsAndThePolicyItMounts()
    {
        var pod = Map(Map(Map(Map(Map(Assert.Single(Documents(Folder, "cronjob.yaml")), "spec"), "jobTemplate"), "spec"), "template"), "spec");
        var container = (YamlMappingNode)Assert.Single(Sequence(pod, "containers"));
        var security = Map(container, "securityContext");
        var args = Strings(container, "args");

        Assert.Equal("palisade-scan", Text(pod, "serviceAccountName"));
        Assert.Equal("true", Text(Map(pod, "securityContext"), "runAsNonRoot"));
        Assert.Equal("true", Text(security, "readOnlyRootFilesystem"));
        Assert.Equal("false", Text(security, "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], Strings(Map(security, "capabilities"), "drop"));
        Assert.Equal("scan", args[0]);
        Assert.All(args.Skip(1).Select(a => a.Split('=')[0]), flag => Assert.Contains(flag, DeployManifestsTests.OptionsOf("scan")));
        var mount = (YamlMappingNode)Assert.Single(Sequence(container, "volumeMounts"));
        Assert.Contains("--policy=" + Text(mount, "mountPath"), args);
    }

    [Fact]
    public async Task KubectlRendersTheKustomization()
    {
        var rendered = await DeployYaml.KustomizeAsync(Folder);

        Assert.Contains("kind: CronJob", rendered, StringComparison.Ordinal);
        Assert.Contains("name: palisade-policy-", rendered, StringComparison.Ordinal);
    }
}
