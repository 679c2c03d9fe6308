using System.Net;
using System.Text.Json.Nodes;

namespace Palisade.Admission.Tests;

/// <summary>Warn rules, malformed requests, failing and slow rules, reloads and certificate rotation.</summary>
public sealed class RuleBehaviourTests
{
    private const string WarnPolicy = """
        package main

        warn contains msg if {
            not input.metadata.labels.team
            msg := sprintf("%s has no team label", [input.metadata.name])
        }
        """;

    private const string DenyAllPolicy = """
        package main

        deny contains msg if {
            msg := sprintf("%s: version 1 denies everything", [input.metadata.name])
        }
        """;

    private const string DividePolicy = """
        package main

        deny contains msg if {
            per_rule := 10 / count(input.spec.ingress)
            per_rule > 100
            msg := "too many"
        }
        """;

    private const string SlowPolicy = """
        package main

        deny contains msg if {
            some a in numbers.range(1, 1000000)
            some b in numbers.range(1, 1000000)
            a * b < 0
            msg := "never"
        }
        """;

    [Fact]
    public async Task Warn_rules_become_warnings_and_the_request_is_allowed()
    {
        await using var webhook = await Start(WarnPolicy);

        var response = await webhook.Review(ExamplePolicyTests.CalicoPolicy(order: 600));

        Assert.True((bool)response["allowed"]!);
        Assert.Equal(["appid-acme-ams-shop-web has no team label"], WebhookFixture.Strings(response["warnings"]));
    }

    [Theory]
    [InlineData("{not json", "not JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("""{"apiVersion": "admission.k8s.io/v1beta1", "kind": "AdmissionReview", "request": {}}""", "admission.k8s.io/v1")]
    [InlineData("""{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview"}""", "no request")]
    [InlineData("""{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"operation": "CREATE"}}""", "uid")]
    [InlineData("""{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"uid": "1", "operation": "PATCH", "kind": {}}}""", "operation")]
    [InlineData("""{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"uid": "1", "operation": "CREATE", "kind": {}, "object": 3}}""", "request.object")]
    public async Task A_malformed_request_is_a_400_with_the_reason(string body, string reason)
    {
        await using var webhook = await Start(WarnPolicy);

        var (status, text) = await webhook.Post("/validate", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_content_is_a_400()
    {
        await using var webhook = await Start(WarnPolicy);

        var (status, text) = await webhook.Post("/validate", Reviews.For(ExamplePolicyTests.CalicoPolicy(600)), "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("application/json", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_without_a_server_error()
    {
        await using var webhook = await WebhookFixture.Start((root, o) => o with
        {
            Sources = new PolicySources { PolicyDir = Path.GetDirectoryName(WritePolicy(root, WarnPolicy)) },
            MaxBodyBytes = 1024,
        });

        var (status, _) = await webhook.Post("/validate", Reviews.For(ExamplePolicyTests.CalicoPolicy(600)) + new string(' ', 2048));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task A_rule_that_errs_denies_under_failure_policy_fail_naming_the_rule_and_the_error()
    {
        await using var webhook = await Start(DividePolicy, new EvaluationSettings { StrictBuiltinErrors = true, FailurePolicy = FailurePolicy.Fail });

        var response = await webhook.Review(WithoutIngress());

        Assert.False((bool)response["allowed"]!);
        var message = (string)response["status"]!["message"]!;
        Assert.StartsWith("data.main.deny: evaluation failed (failure policy Fail): ", message, StringComparison.Ordinal);
        Assert.Contains("divide by zero", message, StringComparison.Ordinal);
        Assert.Contains("policy.rego:4", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_that_errs_allows_with_a_warning_under_failure_policy_ignore()
    {
        await using var webhook = await Start(DividePolicy, new EvaluationSettings { StrictBuiltinErrors = true, FailurePolicy = FailurePolicy.Ignore });

        var response = await webhook.Review(WithoutIngress());

        Assert.True((bool)response["allowed"]!);
        var warning = Assert.Single(WebhookFixture.Strings(response["warnings"]));
        Assert.StartsWith("data.main.deny: not enforced, evaluation failed (failure policy Ignore): ", warning, StringComparison.Ordinal);
        Assert.Contains("divide by zero", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_that_runs_past_the_deadline_is_stopped_and_the_failure_policy_decides()
    {
        var settings = new EvaluationSettings { Timeout = TimeSpan.FromMilliseconds(300) };
        await using var fail = await Start(SlowPolicy, settings);
        await using var ignore = await Start(SlowPolicy, settings with { FailurePolicy = FailurePolicy.Ignore });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var denied = await fail.Review(ExamplePolicyTests.CalicoPolicy(600));
        var allowed = await ignore.Review(ExamplePolicyTests.CalicoPolicy(600));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.False((bool)denied["allowed"]!);
        Assert.Equal("data.main.deny: evaluation failed (failure policy Fail): timed out after 0.3s", (string)denied["status"]!["message"]!);
        Assert.True((bool)allowed["allowed"]!);
        Assert.Equal(["data.main.deny: not enforced, evaluation failed (failure policy Ignore): timed out after 0.3s"], WebhookFixture.Strings(allowed["warnings"]));
        var (_, metrics) = await fail.Get("/metrics");
        Assert.Contains("palisade_webhook_requests_total{verdict=\"error\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_policy_file_is_enforced_without_a_restart_and_a_broken_one_keeps_the_old()
    {
        await using var webhook = await Start(DenyAllPolicy);
        var policy = ExamplePolicyTests.CalicoPolicy(600);
        Assert.False((bool)(await webhook.Review(policy))["allowed"]!);
        var first = webhook.Server.Policy;

        webhook.Write("policy/policy.rego", "package main\n\ndeny contains msg if {\n    msg := ");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Same(first, webhook.Server.Policy);
        Assert.False((bool)(await webhook.Review(policy))["allowed"]!);

        webhook.Write("policy/policy.rego", WarnPolicy);
        await Eventually(() => !ReferenceEquals(first, webhook.Server.Policy));
        var response = await webhook.Review(policy);
        Assert.True((bool)response["allowed"]!);
        Assert.Single(WebhookFixture.Strings(response["warnings"]));
    }

    [Fact]
    public async Task Rules_mounted_from_a_ConfigMap_load_once_and_an_update_of_the_mount_is_enforced()
    {
        // The kubelet's layout: the key links through ..data to a timestamped folder, and an update swaps ..data.
        await using var webhook = await WebhookFixture.Start((root, o) => o with
        {
            Sources = new PolicySources { PolicyDir = MountConfigMap(Path.Combine(root, "policy"), "..2026_12_07_01", DefaultDenyPolicy("version 1")) },
        });
        var policy = ExamplePolicyTests.CalicoPolicy(600);
        Assert.Equal("appid-acme-ams-shop-web: version 1", (string)(await webhook.Review(policy))["status"]!["message"]!);

        MountConfigMap(Path.Combine(webhook.Root, "policy"), "..2026_12_07_02", DefaultDenyPolicy("version 2"));

        await Eventually(async () => (string?)(await webhook.Review(policy))["status"]?["message"] == "appid-acme-ams-shop-web: version 2");
    }

    /// <summary>A default rule: loaded twice (through the link and through the timestamped folder) it would not compile.</summary>
    private static string DefaultDenyPolicy(string version) => $$"""
        package main

        default enforced := true

        deny contains msg if {
            enforced
            msg := sprintf("%s: {{version}}", [input.metadata.name])
        }
        """;

    /// <summary>Writes <paramref name="rego"/> as the key policy.rego of a mounted ConfigMap in <paramref name="folder"/>, as the kubelet does.</summary>
    private static string MountConfigMap(string folder, string timestamped, string rego)
    {
        Directory.CreateDirectory(Path.Combine(folder, timestamped));
        File.WriteAllText(Path.Combine(folder, timestamped, "policy.rego"), rego);
        var data = Path.Combine(folder, "..data");
        if (Directory.Exists(data))
        {
            Directory.Delete(data); // the link only; the kubelet renames a new link over it
        }

        Directory.CreateSymbolicLink(data, timestamped);
        if (!File.Exists(Path.Combine(folder, "policy.rego")))
        {
            File.CreateSymbolicLink(Path.Combine(folder, "policy.rego"), Path.Combine("..data", "policy.rego"));
        }

        return folder;
    }

    [Fact]
    public async Task A_renewed_certificate_is_served_on_the_next_connection()
    {
        await using var webhook = await Start(WarnPolicy);
        await webhook.Get("/healthz");
        var before = webhook.ServedThumbprint;

        var renewed = TlsFiles.Write(webhook.CertFile, webhook.KeyFile, "CN=palisade-webhook-renewed");

        await Eventually(async () =>
        {
            await webhook.Get("/healthz");
            return webhook.ServedThumbprint == renewed;
        });
        Assert.NotEqual(before, renewed);
    }

    private static Task<WebhookFixture> Start(string rego, EvaluationSettings? settings = null) =>
        WebhookFixture.Start((root, o) => o with
        {
            Sources = new PolicySources { PolicyDir = Path.GetDirectoryName(WritePolicy(root, rego)) },
            Evaluation = settings ?? new EvaluationSettings(),
        });

    private static string WritePolicy(string root, string rego)
    {
        var path = Path.Combine(root, "policy", "policy.rego");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, rego);
        return path;
    }

    private static JsonObject WithoutIngress()
    {
        var policy = ExamplePolicyTests.CalicoPolicy(600);
        policy["spec"]!["ingress"] = new JsonArray();
        return policy;
    }

    private static Task Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the change was not picked up within 10 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
