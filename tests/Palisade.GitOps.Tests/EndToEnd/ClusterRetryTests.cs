using System.Net;
using System.Text.Json.Nodes;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>Retries over real HTTP: a server that does not answer is tried again with backoff, a refusal is not.</summary>
public sealed class ClusterRetryTests
{
    private static readonly ResourceType CalicoPolicy = ResourceTypes.Find("projectcalico.org/v3", "NetworkPolicy")!;

    [Fact]
    public async Task An_unreachable_server_is_tried_the_given_number_of_times_and_then_reported()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxCluster.StartAsync();
        await sandbox.StopServerAsync();
        var retries = new List<ClusterException>();
        var retry = new ClusterRetry(attempts: 3, firstDelay: TimeSpan.FromMilliseconds(10)) { OnRetry = retries.Add };

        var failure = await Assert.ThrowsAsync<ClusterException>(() => retry.RunAsync(() => sandbox.Cluster.GetAsync(CalicoPolicy, "shop", "backend", cancellation), cancellation));

        Assert.Equal(0, (int)failure.Status);
        Assert.True(failure.IsTransient);
        Assert.Equal(2, retries.Count);
    }

    [Fact]
    public async Task A_refusal_is_reported_at_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxCluster.StartAsync();
        var retries = new List<ClusterException>();
        var retry = new ClusterRetry(attempts: 3, firstDelay: TimeSpan.FromMilliseconds(10)) { OnRetry = retries.Add };
        var policy = new JsonObject
        {
            ["apiVersion"] = "projectcalico.org/v3",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = new JsonObject { ["name"] = "backend", ["namespace"] = "no-such-namespace" },
            ["spec"] = new JsonObject { ["order"] = 700 },
        };

        var failure = await Assert.ThrowsAsync<ClusterException>(() => retry.RunAsync(() => sandbox.Cluster.ApplyAsync(CalicoPolicy, policy, "palisade", force: true, dryRun: false, cancellation), cancellation));

        Assert.Equal(HttpStatusCode.NotFound, failure.Status);
        Assert.Empty(retries);
    }
}
