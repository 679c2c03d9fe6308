using System.Net;
using System.Text.Json.Nodes;
using Palisade.Kube.Cluster;
using Palisade.Sandbox;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>
/// The cluster client's watch against a real API server protocol: an expired resourceVersion is an error, not a quiet
/// end; a watch the server ends (its request timeout, a restart) is a clean end, after which callers resume.
/// </summary>
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

    [Fact]
    public async Task A_watch_the_server_ends_is_a_clean_end_after_the_events_it_sent()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxCluster.StartAsync();
        var cluster = sandbox.Cluster;
        var (_, version) = await cluster.ListAsync(ResourceTypes.Namespace, null, cancellation);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        var watching = Task.Run(
            async () =>
            {
                await foreach (var change in cluster.WatchAsync(ResourceTypes.Namespace, null, version, cancellation))
                {
                    seen.Enqueue(ClusterObjects.Name(change.Object));
                }
            },
            cancellation);
        await Until(() => sandbox.Server.OpenWatches > 0, cancellation);
        await sandbox.CreateNamespace("shop");
        await Until(() => !seen.IsEmpty, cancellation);

        sandbox.Server.EndWatches();

        await watching.WaitAsync(TimeSpan.FromSeconds(30), cancellation);
        Assert.Equal(["shop"], seen);
    }

    private static async Task Until(Func<bool> condition, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached within 30 s");
            await Task.Delay(20, cancellation);
        }
    }
}
