using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

/// <summary>The real kubectl against a sandbox with the real Palisade webhook registered: denials and warnings as a cluster shows them.</summary>
public sealed class KubectlWebhookTests : WebhookSandboxTests
{

    [Fact]
    public async Task Kubectl_apply_shows_the_webhooks_denial_and_warnings()
    {
        Kubectl.RequireInstalled();
        var kubectl = Sandbox.Kubectl();
        await kubectl.SucceedWithInputAsync(WebhookConfigurations.Calico("palisade", Webhook.Url, Webhook.CaBundle).ToJsonString(), "apply", "-f", "-");
        var ns = await Sandbox.NewNamespaceAsync();

        var low = Path.Combine(Sandbox.Directory, "low.json");
        await File.WriteAllTextAsync(low, NetworkPolicy("low", ns, 100).ToJsonString(), TestContext.Current.CancellationToken);
        var (exit, _, stderr) = await kubectl.RunAsync("apply", "-f", low);
        Assert.NotEqual(0, exit);
        Assert.Contains("admission webhook \"validate.palisade.dev\" denied the request: ", stderr);
        Assert.Contains("low: order 100: " + PolicyWebhook.DenyMessage, stderr);
        var (getExit, _, getStderr) = await kubectl.RunAsync("get", "caliconetworkpolicies.projectcalico.org", "low", "-n", ns);
        Assert.NotEqual(0, getExit);
        Assert.Contains("not found", getStderr);

        var untyped = NetworkPolicy("untyped", ns, 700);
        untyped["spec"]!.AsObject().Remove("types");
        var untypedFile = Path.Combine(Sandbox.Directory, "untyped.json");
        await File.WriteAllTextAsync(untypedFile, untyped.ToJsonString(), TestContext.Current.CancellationToken);
        var (applyExit, stdout, applyStderr) = await kubectl.RunAsync("apply", "-f", untypedFile);
        Assert.True(applyExit == 0, applyStderr);
        Assert.Contains("created", stdout);
        Assert.Contains("Warning: untyped: " + PolicyWebhook.WarnMessage, applyStderr);
    }
}
