using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

/// <summary>The sandbox calls the real Palisade webhook registered in it, as kube-apiserver would, seen through KubernetesClient.</summary>
public sealed class ValidatingWebhookTests : WebhookSandboxTests
{
    private const string Registrations = "validatingwebhookconfigurations";
    private const string AdmissionGroup = "admissionregistration.k8s.io";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_denied_create_is_the_webhooks_403_status_and_is_not_stored_while_a_compliant_one_is()
    {
        await RegisterAsync(WebhookConfigurations.Calico("palisade", Webhook.Url, Webhook.CaBundle));
        var ns = await Sandbox.NewNamespaceAsync();

        var status = await StatusAssert.RefusedAsync(() => CreateAsync(NetworkPolicy("low", ns, 100), ns), 403, "");
        Assert.StartsWith("admission webhook \"validate.palisade.dev\" denied the request: ", (string?)status["message"]);
        Assert.Contains("low: order 100: " + PolicyWebhook.DenyMessage, (string?)status["message"]);
        Assert.Equal("low", (string?)status["details"]?["name"]);
        Assert.Equal("networkpolicies", (string?)status["details"]?["kind"]);
        await StatusAssert.RefusedAsync(() => Sandbox.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "low", Cancellation), 404, "NotFound");

        await CreateAsync(NetworkPolicy("high", ns, 600), ns);
        Assert.Equal(1, await Webhook.AnsweredAsync("allowed"));
        Assert.Equal(1, await Webhook.AnsweredAsync("denied"));
    }

    [Fact]
    public async Task The_webhooks_warnings_reach_the_client_as_warning_headers()
    {
        await RegisterAsync(WebhookConfigurations.Calico("palisade", Webhook.Url, Webhook.CaBundle));
        var ns = await Sandbox.NewNamespaceAsync();
        var untyped = NetworkPolicy("untyped", ns, 700);
        untyped["spec"]!.AsObject().Remove("types");
        using var http = Sandbox.RawClient();

        using var content = new StringContent(untyped.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"/apis/{CalicoGroup}/{CalicoVersion}/namespaces/{ns}/networkpolicies", UriKind.Relative), content, Cancellation);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["299 - \"untyped: " + PolicyWebhook.WarnMessage + "\""], response.Headers.GetValues("Warning"));
    }

    [Fact]
    public async Task A_namespace_the_namespace_selector_leaves_out_is_not_sent_to_the_webhook()
    {
        var exempt = await Sandbox.NewNamespaceAsync();
        var policed = await Sandbox.NewNamespaceAsync();
        var selector = new JsonObject
        {
            ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = "kubernetes.io/metadata.name", ["operator"] = "NotIn", ["values"] = new JsonArray(exempt) }),
        };
        await RegisterAsync(WebhookConfigurations.Calico("palisade", Webhook.Url, Webhook.CaBundle, namespaceSelector: selector));

        await CreateAsync(NetworkPolicy("low", exempt, 100), exempt);
        await StatusAssert.RefusedAsync(() => CreateAsync(NetworkPolicy("low", policed, 100), policed), 403, "");
    }

    [Fact]
    public async Task An_update_passes_when_the_rules_list_only_create()
    {
        await RegisterAsync(WebhookConfigurations.Calico("palisade", Webhook.Url, Webhook.CaBundle, operations: ["CREATE"]));
        var ns = await Sandbox.NewNamespaceAsync();
        await CreateAsync(NetworkPolicy("p", ns, 600), ns);

        var patch = new V1Patch("""{"spec":{"order":100}}""", V1Patch.PatchType.MergePatch);
        var patched = Parse(await Sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, CalicoGroup, CalicoVersion, ns, "networkpolicies", "p", cancellationToken: Cancellation));

        Assert.Equal(100, (int?)patched["spec"]?["order"]);
        await StatusAssert.RefusedAsync(() => CreateAsync(NetworkPolicy("q", ns, 100), ns), 403, "");
    }

    [Fact]
    public async Task An_unreachable_webhook_refuses_with_500_under_failure_policy_fail_and_admits_under_ignore()
    {
        var ns = await Sandbox.NewNamespaceAsync();
        var unreachable = "https://127.0.0.1:1/validate";
        await RegisterAsync(WebhookConfigurations.Calico("palisade", unreachable, Webhook.CaBundle));

        var status = await StatusAssert.RefusedAsync(() => CreateAsync(NetworkPolicy("p", ns, 600), ns), 500, "InternalError");
        Assert.StartsWith("Internal error occurred: failed calling webhook \"validate.palisade.dev\": failed to call webhook: Post \"https://127.0.0.1:1/validate?timeout=5s\": ", (string?)status["message"]);

        await ReplaceAsync(WebhookConfigurations.Calico("palisade", unreachable, Webhook.CaBundle, failurePolicy: "Ignore"));
        await CreateAsync(NetworkPolicy("p", ns, 100), ns);
    }

    [Fact]
    public async Task A_certificate_the_ca_bundle_does_not_vouch_for_fails_the_call()
    {
        await using var other = await PolicyWebhook.StartAsync();
        await RegisterAsync(WebhookConfigurations.Calico("palisade", Webhook.Url, other.CaBundle));
        var ns = await Sandbox.NewNamespaceAsync();

        var status = await StatusAssert.RefusedAsync(() => CreateAsync(NetworkPolicy("p", ns, 600), ns), 500, "InternalError");
        Assert.Contains("failed calling webhook \"validate.palisade.dev\"", (string?)status["message"]);
        Assert.Equal(0, await Webhook.AnsweredAsync("allowed"));
    }

    [Fact]
    public async Task A_service_reference_has_no_address_in_the_sandbox_and_its_failure_policy_decides()
    {
        var ns = await Sandbox.NewNamespaceAsync();
        await RegisterAsync(WebhookConfigurations.Calico("palisade", url: null, Webhook.CaBundle));

        var status = await StatusAssert.RefusedAsync(() => CreateAsync(NetworkPolicy("p", ns, 600), ns), 500, "InternalError");
        Assert.Equal("Internal error occurred: failed calling webhook \"validate.palisade.dev\": clientConfig.service palisade-system/palisade-webhook has no address in the sandbox, which calls webhooks only by clientConfig.url", (string?)status["message"]);

        await ReplaceAsync(WebhookConfigurations.Calico("palisade", url: null, Webhook.CaBundle, failurePolicy: "Ignore"));
        await CreateAsync(NetworkPolicy("p", ns, 600), ns);
    }

    [Fact]
    public async Task A_dry_run_is_sent_to_the_webhook_and_refused_likewise()
    {
        await RegisterAsync(WebhookConfigurations.Calico("palisade", Webhook.Url, Webhook.CaBundle));
        var ns = await Sandbox.NewNamespaceAsync();

        var status = await StatusAssert.RefusedAsync(() => Sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("low", ns, 100), CalicoGroup, CalicoVersion, ns, "networkpolicies", dryRun: "All", cancellationToken: Cancellation), 403, "");
        Assert.StartsWith("admission webhook \"validate.palisade.dev\" denied the request: ", (string?)status["message"]);
        Assert.Equal(1, await Webhook.AnsweredAsync("denied"));
    }

    [Fact]
    public async Task A_dry_run_matched_by_a_webhook_with_side_effects_is_refused_without_calling_it()
    {
        var config = WebhookConfigurations.Calico("palisade", Webhook.Url, Webhook.CaBundle);
        config["webhooks"]![0]!["sideEffects"] = "Some";
        await RegisterAsync(config);
        var ns = await Sandbox.NewNamespaceAsync();

        var status = await StatusAssert.RefusedAsync(() => Sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("p", ns, 600), CalicoGroup, CalicoVersion, ns, "networkpolicies", dryRun: "All", cancellationToken: Cancellation), 400, "BadRequest");
        Assert.Equal("admission webhook \"validate.palisade.dev\" does not support dry run", (string?)status["message"]);
        Assert.Equal(0, await Webhook.AnsweredAsync("allowed"));
    }

    [Fact]
    public async Task Webhook_configurations_themselves_are_never_sent_to_webhooks()
    {
        var everything = WebhookConfigurations.Calico("palisade", "https://127.0.0.1:1/validate", Webhook.CaBundle);
        everything["webhooks"]![0]!["rules"] = new JsonArray(new JsonObject
        {
            ["apiGroups"] = new JsonArray("*"),
            ["apiVersions"] = new JsonArray("*"),
            ["operations"] = new JsonArray("*"),
            ["resources"] = new JsonArray("*/*"),
        });
        await RegisterAsync(everything);

        await StatusAssert.RefusedAsync(() => Sandbox.NewNamespaceAsync(), 500, "InternalError");
        await Sandbox.Client.CustomObjects.DeleteClusterCustomObjectAsync(AdmissionGroup, "v1", Registrations, "palisade", cancellationToken: Cancellation);
        await Sandbox.NewNamespaceAsync();
    }

    private Task RegisterAsync(JsonObject configuration) =>
        Sandbox.Client.CustomObjects.CreateClusterCustomObjectAsync(configuration, AdmissionGroup, "v1", Registrations, cancellationToken: Cancellation);

    private Task ReplaceAsync(JsonObject configuration) =>
        Sandbox.Client.CustomObjects.ReplaceClusterCustomObjectAsync(configuration, AdmissionGroup, "v1", Registrations, (string)configuration["metadata"]!["name"]!, cancellationToken: Cancellation);

    private Task CreateAsync(JsonObject policy, string ns) =>
        Sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(policy, CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation);
}
