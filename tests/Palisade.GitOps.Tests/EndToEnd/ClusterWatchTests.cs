using System.Net;
using System.Text.Json.Nodes;
using Palisade.Kube.Cluster;
using Palisade.Sandbox;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>The cluster client's watch against a real API server protocol: an expired resourceVersion is an error, not a quiet end.</summary>
public sealed class ClusterWatchTests
{
    private static readonly ResourceType GlobalPolicy = ResourceTypes.Find("projectcalico.org/v3", "GlobalNetworkPolicy")!;

    [Fact]
    public async Task A_watch_from_a_resource_version_the_server_no_longer_has_fails_with_410()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxCluster.StartAsync(new SandboxOptions { WatchHistoryLimit = 2 });
        var cluster = sandbox.Cluster;
        var (_, first) = await cluster.ListAsync(GlobalPolicy, null, cancellation);
        for (var i = 0; i < 5; i++)
        {
            var policy = new JsonObject
            {
                ["apiVersion"] = "projectcalico.org/v3",
                ["kind"] = "GlobalNetworkPolicy",
                ["metadata"] = new JsonObject { ["name"] = $"p{i}" },
                ["spec"] = new JsonObject { ["order"] = i },
            };
            await cluster.ApplyAsync(GlobalPolicy, policy, "test", force: true, dryRun: false, cancellation);
        }

        var failure = await Assert.ThrowsAsync<ClusterException>(async () =>
        {
            await foreach (var _ in cluster.WatchAsync(GlobalPolicy, null, first, cancellation))
            {
            }
        });

        Assert.Equal(HttpStatusCode.Gone, failure.Status);
        Assert.Contains("GlobalNetworkPolicy", failure.Message, StringComparison.Ordinal);
    }
}
