using Palisade.Kube.Manifests;
using Palisade.Policy.Gatekeeper;
using Palisade.Policy.Loading;
using Palisade.Rego.Values;

namespace Palisade.Admission.Tests;

/// <summary><c>palisade webhook config</c>: a ValidatingWebhookConfiguration that parses and says what the docs promise.</summary>
public sealed class WebhookConfigurationTests
{
    [Fact]
    public void The_default_configuration_polices_network_policy_kinds_outside_the_system_namespaces()
    {
        var yaml = WebhookConfiguration.Render(new WebhookConfigurationSettings { ServiceName = "palisade-webhook", ServiceNamespace = "palisade-system", CaBundle = "-----BEGIN CERTIFICATE-----\n"u8.ToArray() });

        var config = Parse(yaml);
        Assert.Equal("admissionregistration.k8s.io/v1", Text(config, "apiVersion"));
        Assert.Equal("ValidatingWebhookConfiguration", Text(config, "kind"));
        var webhook = Items(config, "webhooks").Single();
        Assert.Equal("None", Text(webhook, "sideEffects"));
        Assert.Equal(["v1"], Items(webhook, "admissionReviewVersions").Select(v => ((StringValue)v).Value));
        Assert.Equal("5", ((NumberValue)Field(webhook, "timeoutSeconds")).Text);
        Assert.Equal("Fail", Text(webhook, "failurePolicy"));
        Assert.Equal("palisade-webhook", Text(webhook, "clientConfig", "service", "name"));
        Assert.Equal("palisade-system", Text(webhook, "clientConfig", "service", "namespace"));
        Assert.Equal("/validate", Text(webhook, "clientConfig", "service", "path"));
        Assert.Equal(Convert.ToBase64String("-----BEGIN CERTIFICATE-----\n"u8.ToArray()), Text(webhook, "clientConfig", "caBundle"));
        var expression = Items(Field(webhook, "namespaceSelector"), "matchExpressions").Single();
        Assert.Equal("kubernetes.io/metadata.name", Text(expression, "key"));
        Assert.Equal("NotIn", Text(expression, "operator"));
        Assert.Equal(["palisade-system", "kube-system"], Items(expression, "values").Select(v => ((StringValue)v).Value));

        var rules = Items(webhook, "rules").ToList();
        Assert.Equal(2, rules.Count);
        Assert.Equal(["networking.k8s.io"], Items(rules[0], "apiGroups").Select(v => ((StringValue)v).Value));
        Assert.Equal(["networkpolicies"], Items(rules[0], "resources").Select(v => ((StringValue)v).Value));
        Assert.Equal(["projectcalico.org"], Items(rules[1], "apiGroups").Select(v => ((StringValue)v).Value));
        Assert.Equal(["v3"], Items(rules[1], "apiVersions").Select(v => ((StringValue)v).Value));
        Assert.Equal(
            ["networkpolicies", "globalnetworkpolicies", "stagednetworkpolicies", "networksets", "globalnetworksets", "tiers"],
            Items(rules[1], "resources").Select(v => ((StringValue)v).Value));
        Assert.All(rules, r => Assert.Equal(["CREATE", "UPDATE"], Items(r, "operations").Select(v => ((StringValue)v).Value)));
    }

    [Fact]
    public void Kinds_failure_policy_and_timeout_can_be_chosen()
    {
        var yaml = WebhookConfiguration.Render(new WebhookConfigurationSettings
        {
            ServiceName = "w",
            ServiceNamespace = "n",
            FailurePolicy = FailurePolicy.Ignore,
            TimeoutSeconds = 3,
            Kinds = [PolicedKind.Parse("example.com/Policy")!],
        });

        var webhook = Items(Parse(yaml), "webhooks").Single();
        Assert.Equal("Ignore", Text(webhook, "failurePolicy"));
        Assert.Equal("3", ((NumberValue)Field(webhook, "timeoutSeconds")).Text);
        Assert.Null(Field(webhook, "clientConfig").Get("caBundle"));
        var rule = Items(webhook, "rules").Single();
        Assert.Equal(["policies"], Items(rule, "resources").Select(v => ((StringValue)v).Value));
        Assert.Equal(["*"], Items(rule, "apiVersions").Select(v => ((StringValue)v).Value));
    }

    [Fact]
    public void A_url_replaces_the_service_in_the_client_config()
    {
        var yaml = WebhookConfiguration.Render(new WebhookConfigurationSettings { Url = "https://127.0.0.1:8443/validate", CaBundle = "-----BEGIN CERTIFICATE-----\n"u8.ToArray() });

        var clientConfig = Field(Items(Parse(yaml), "webhooks").Single(), "clientConfig");
        Assert.Equal("https://127.0.0.1:8443/validate", Text(clientConfig, "url"));
        Assert.Null(clientConfig.Get("service"));
        Assert.Equal(Convert.ToBase64String("-----BEGIN CERTIFICATE-----\n"u8.ToArray()), Text(clientConfig, "caBundle"));
    }

    [Fact]
    public void A_url_and_a_service_together_or_neither_are_refused()
    {
        Assert.Throws<ArgumentException>(() => WebhookConfiguration.Render(new WebhookConfigurationSettings { Url = "https://h/validate", ServiceName = "w", ServiceNamespace = "n" }));
        Assert.Throws<ArgumentException>(() => WebhookConfiguration.Render(new WebhookConfigurationSettings { ServiceName = "w" }));
    }

    private static Value Parse(string yaml) => ManifestValues.ToValue(new ManifestReader().ReadText("config.yaml", yaml).Single().Root);

    private static Value Field(Value value, params string[] path) => value.Get(path) ?? throw new Xunit.Sdk.XunitException($"no {string.Join('.', path)}");

    private static string Text(Value value, params string[] path) => ((StringValue)Field(value, path)).Value;

    private static IEnumerable<Value> Items(Value value, string field) => ((ArrayValue)Field(value, field)).Items.ToArray();
}
