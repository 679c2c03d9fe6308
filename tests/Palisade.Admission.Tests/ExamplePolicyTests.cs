using System.Net;
using System.Text.Json.Nodes;
using Palisade.Kube.Manifests;
using Palisade.Policy.Conftest;

namespace Palisade.Admission.Tests;

/// <summary>The example repository's policies, enforced by the webhook with the same messages palisade test gives.</summary>
public sealed class ExamplePolicyTests
{
    internal static readonly string PolicyDir = FindExamplePolicy();

    [Fact]
    public async Task A_calico_policy_with_a_platform_order_is_denied_with_the_messages_palisade_test_gives()
    {
        await using var webhook = await WebhookFixture.Start((_, o) => o with { Sources = new PolicySources { PolicyDir = PolicyDir } });
        var policy = CalicoPolicy(order: 400);

        var response = await webhook.Review(Reviews.For(policy, uid: "7c2a9d1e-order-400"));

        Assert.Equal("7c2a9d1e-order-400", (string?)response["uid"]);
        Assert.False((bool)response["allowed"]!);
        Assert.Equal(403, (int)response["status"]!["code"]!);
        var expected = PalisadeTestFailures(webhook, policy);
        Assert.Contains("NetworkPolicy shop/appid-acme-ams-shop-web: spec.order 400 is below 500; orders below 500 are reserved for platform policies", expected);
        Assert.Equal(expected, ((string)response["status"]!["message"]!).Split('\n'));
    }

    [Fact]
    public async Task A_policy_that_breaks_several_rules_gets_every_message()
    {
        await using var webhook = await WebhookFixture.Start((_, o) => o with { Sources = new PolicySources { PolicyDir = PolicyDir } });
        var policy = CalicoPolicy(order: 100);
        policy["metadata"]!["labels"]!["appid"] = "Shop";
        policy["spec"]!["ingress"] = new JsonArray(new JsonObject { ["action"] = "Allow" });

        var response = await webhook.Review(policy);

        var messages = ((string)response["status"]!["message"]!).Split('\n');
        Assert.Equal(3, messages.Length);
        Assert.Equal(PalisadeTestFailures(webhook, policy), messages);
    }

    [Fact]
    public async Task A_calico_policy_that_follows_the_rules_is_allowed()
    {
        await using var webhook = await WebhookFixture.Start((_, o) => o with { Sources = new PolicySources { PolicyDir = PolicyDir } });

        var response = await webhook.Review(CalicoPolicy(order: 600));

        Assert.True((bool)response["allowed"]!);
        Assert.Null(response["status"]);
        Assert.Empty(PalisadeTestFailures(webhook, CalicoPolicy(order: 600)));
    }

    [Fact]
    public async Task A_delete_is_checked_on_the_object_being_deleted()
    {
        await using var webhook = await WebhookFixture.Start((_, o) => o with { Sources = new PolicySources { PolicyDir = PolicyDir } });

        var response = await webhook.Review(CalicoPolicy(order: 400), "DELETE");

        Assert.False((bool)response["allowed"]!);
        Assert.Contains("spec.order 400 is below 500", (string)response["status"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_requests_by_verdict()
    {
        await using var webhook = await WebhookFixture.Start((_, o) => o with { Sources = new PolicySources { PolicyDir = PolicyDir } });
        await webhook.Review(CalicoPolicy(order: 400));
        await webhook.Review(CalicoPolicy(order: 400));
        await webhook.Review(CalicoPolicy(order: 600));
        await webhook.Post("/validate", "{not json");

        var (status, metrics) = await webhook.Get("/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("palisade_webhook_requests_total{verdict=\"denied\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("palisade_webhook_requests_total{verdict=\"allowed\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("palisade_webhook_requests_total{verdict=\"error\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("palisade_webhook_request_duration_seconds_count 4", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_readiness_answer_once_policies_are_loaded()
    {
        await using var webhook = await WebhookFixture.Start((_, o) => o with { Sources = new PolicySources { PolicyDir = PolicyDir } });

        Assert.Equal(HttpStatusCode.OK, (await webhook.Get("/healthz")).Status);
        Assert.Equal(HttpStatusCode.OK, (await webhook.Get("/readyz")).Status);
    }

    internal static JsonObject CalicoPolicy(int order) => new()
    {
        ["apiVersion"] = "projectcalico.org/v3",
        ["kind"] = "NetworkPolicy",
        ["metadata"] = new JsonObject
        {
            ["name"] = "appid-acme-ams-shop-web",
            ["namespace"] = "shop",
            ["labels"] = new JsonObject { ["appid"] = "appid_acme_ams_shop" },
        },
        ["spec"] = new JsonObject
        {
            ["order"] = order,
            ["selector"] = "appname == 'web'",
            ["ingress"] = new JsonArray(new JsonObject { ["action"] = "Allow", ["source"] = new JsonObject { ["selector"] = "appname == 'lb'" } }),
        },
    };

    /// <summary>What <c>palisade test</c> reports for the object written to a file, in its order.</summary>
    private static List<string> PalisadeTestFailures(WebhookFixture webhook, JsonObject obj)
    {
        var file = webhook.Write($"inputs/{Guid.NewGuid()}.json", obj.ToJsonString());
        var options = new ConftestOptions { Policies = [PolicyDir] };
        var reader = new ManifestReader();
        var inputs = new InputReader(reader, null, null);
        var run = new ConftestRunner(ConftestPolicy.Load(options, reader), options).Run([file], inputs);
        return run.Report.Files.SelectMany(r => r.Failures).Select(f => f.Message).ToList();
    }

    private static string FindExamplePolicy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var policy = Path.Combine(dir.FullName, "examples", "policy-repo", "policy");
            if (Directory.Exists(policy))
            {
                return policy;
            }
        }

        throw new DirectoryNotFoundException("examples/policy-repo/policy not found above " + AppContext.BaseDirectory);
    }
}
