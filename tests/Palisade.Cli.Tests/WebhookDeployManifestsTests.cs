using YamlDotNet.RepresentationModel;
using static Palisade.Cli.Tests.CliRunner;
using static Palisade.Cli.Tests.DeployYaml;

namespace Palisade.Cli.Tests;

/// <summary>
/// deploy/webhook runs the admission webhook with nothing it does not need: no API access at all, a restricted pod,
/// flags the command has, and a registration equal to what <c>palisade webhook config</c> prints.
/// </summary>
public sealed class WebhookDeployManifestsTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "deploy", "webhook");

    [Fact]
    public void EveryListedFileExistsParsesAndNothingGrantsRoles()
    {
        var files = Resources().Where(r => r.EndsWith(".yaml", StringComparison.Ordinal)).ToList();

        Assert.Contains("../policy", Resources());
        var unlisted = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Except(files.Append("kustomization.yaml"));
        Assert.Empty(unlisted);
        var kinds = files.SelectMany(Documents).Select(d => Text(d, "kind")).ToList();
        Assert.DoesNotContain(kinds, kind => kind is "Role" or "RoleBinding" or "ClusterRole" or "ClusterRoleBinding");
    }

    [Fact]
    public void ThePodHasNoServiceAccountTokenAndRunsRestricted()
    {
        var account = Assert.Single(Documents("serviceaccount.yaml"));
        var pod = PodSpec();
        var container = Container();
        var security = Map(container, "securityContext");

        Assert.Equal("false", Text(account, "automountServiceAccountToken"));
        Assert.Equal("false", Text(pod, "automountServiceAccountToken"));
        Assert.Equal(Text(Map(account, "metadata"), "name"), Text(pod, "serviceAccountName"));
        Assert.Equal("true", Text(security, "readOnlyRootFilesystem"));
        Assert.Equal("false", Text(security, "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], Strings(Map(security, "capabilities"), "drop"));
        Assert.Equal("true", Text(Map(pod, "securityContext"), "runAsNonRoot"));
    }

    [Fact]
    public void TheWebhookArgumentsUseOnlyItsFlags()
    {
        var args = Strings(Container(), "args");

        Assert.Equal("webhook", args[0]);
        var flags = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.Split('=')[0]).ToList();
        Assert.All(flags, flag => Assert.Contains(flag, DeployManifestsTests.OptionsOf("webhook")));
        Assert.Contains("--tls-cert", flags);
    }

    [Fact]
    public void TheRegistrationIsWhatWebhookConfigPrints()
    {
        var (exit, stdout, stderr) = Run("webhook", "config", "--service-name", "palisade-webhook", "--service-namespace", "palisade-system");
        Assert.True(exit == 0, stderr);
        var printed = new YamlStream();
        printed.Load(new StringReader(stdout));
        var deployed = Assert.Single(Documents("validatingwebhookconfiguration.yaml"));

        var webhooks = (YamlSequenceNode)((YamlMappingNode)printed.Documents[0].RootNode).Children["webhooks"];
        Assert.Equal(webhooks, deployed.Children["webhooks"]);
        Assert.Equal("palisade-system/palisade-webhook-tls", Text(Map(Map(deployed, "metadata"), "annotations"), "cert-manager.io/inject-ca-from"));
    }

    [Fact]
    public void WebhookConfigWritesAUrlInsteadOfAServiceAndRefusesBothOrNeither()
    {
        var (exit, stdout, stderr) = Run("webhook", "config", "--url", "https://127.0.0.1:8443/validate");
        Assert.True(exit == 0, stderr);
        Assert.Contains("      url: \"https://127.0.0.1:8443/validate\"\n", stdout);
        Assert.DoesNotContain("service:", stdout);

        var both = Run("webhook", "config", "--url", "https://127.0.0.1:8443/validate", "--service-name", "w", "--service-namespace", "n");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("--url cannot be given with --service-name or --service-namespace", both.Stderr);
        var neither = Run("webhook", "config");
        Assert.Equal(1, neither.ExitCode);
        Assert.Contains("--service-name and --service-namespace, or --url, are required", neither.Stderr);
        var plain = Run("webhook", "config", "--url", "http://127.0.0.1:8443/validate");
        Assert.Equal(1, plain.ExitCode);
        Assert.Contains("only over https", plain.Stderr);
    }

    [Fact]
    public void TheExampleRuleAcceptsTheExampleRepository()
    {
        var policies = Path.Combine(RepositoryRoot(), "examples", "policy-repo", "policies");

        var (exit, stdout, stderr) = Run("test", "-p", Path.Combine(Folder, "..", "policy"), policies, "--no-color");

        Assert.True(exit == 0, stdout + stderr);
    }

    [Fact]
    public async Task KubectlRendersTheKustomization()
    {
        var rendered = await DeployYaml.KustomizeAsync(Folder);

        Assert.Contains("name: palisade-policy-", rendered, StringComparison.Ordinal);
    }

    private static List<string> Resources() => DeployYaml.Resources(Folder);

    private static List<YamlMappingNode> Documents(string file) => DeployYaml.Documents(Folder, file);

    private static YamlMappingNode PodSpec() => DeployYaml.PodSpec(Folder, "deployment.yaml");

    private static YamlMappingNode Container() => (YamlMappingNode)Assert.Single(Sequence(PodSpec(), "containers"));
}
