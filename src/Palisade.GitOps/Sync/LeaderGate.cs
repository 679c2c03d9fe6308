using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace Palisade.GitOps.Sync;

/// <summary>
/// Lets several replicas run with one of them syncing: the one holding a <c>coordination.k8s.io</c> Lease. Work runs
/// while leadership lasts and is cancelled the moment it is lost; then the replica competes again.
/// </summary>
public sealed class LeaderGate(IKubernetes api, string ns, string leaseName, string identity, Action<string>? log = null)
{
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            using var elector = new LeaderElector(new LeaderElectionConfig(new LeaseLock(api, ns, leaseName, identity))
            {
                LeaseDuration = LeaseDuration,
                RenewDeadline = RenewDeadline,
                RetryPeriod = RetryPeriod,
            });
            using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            Task? running = null;
            elector.OnStartedLeading += () =>
            {
                log?.Invoke($"leading: {identity} holds lease {ns}/{leaseName}");
                running = Task.Run(() => work(leading.Token), leading.Token);
            };
            elector.OnStoppedLeading += () =>
            {
                log?.Invoke($"lost lease {ns}/{leaseName}; stopping until it is held again");
                leading.Cancel();
            };
            elector.OnNewLeader += leader =>
            {
                if (leader != identity)
                {
                    log?.Invoke($"{leader} leads; {identity} waits");
                }
            };

            try
            {
                await elector.RunUntilLeadershipLostAsync(cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Shutting down.
            }

            await leading.CancelAsync().ConfigureAwait(false);
            if (running is not null)
            {
                try
                {
                    await running.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The work ends by cancellation when leadership ends.
                }
            }
        }
    }
}
