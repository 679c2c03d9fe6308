using Palisade.GitOps.Sync;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>Two replicas and one Lease in the sandbox API server: one syncs at a time, and the other takes over when it stops.</summary>
public sealed class LeaderGateTests
{
    [Fact]
    public async Task Only_the_lease_holder_works_and_another_replica_takes_over_when_it_stops()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxCluster.StartAsync();
        var api = sandbox.Api;
        var working = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        LeaderGate Gate(string identity) => new(api, "default", "palisade-sync-default", identity)
        {
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1.5),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        async Task Work(string identity, CancellationToken token)
        {
            working[identity] = true;
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                working[identity] = false;
            }
        }

        using var stopFirst = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var stopSecond = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var first = Gate("replica-a").RunAsync(t => Work("replica-a", t), stopFirst.Token);
        await WaitUntil(() => working.GetValueOrDefault("replica-a"), cancellation);
        var second = Gate("replica-b").RunAsync(t => Work("replica-b", t), stopSecond.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
        Assert.False(working.GetValueOrDefault("replica-b"), "replica-b worked while replica-a held the lease");

        await stopFirst.CancelAsync();
        await first;
        await WaitUntil(() => working.GetValueOrDefault("replica-b"), cancellation);

        Assert.False(working.GetValueOrDefault("replica-a"));
        await stopSecond.CancelAsync();
        await second;
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached within 20 s");
            await Task.Delay(50, cancellation);
        }
    }
}
