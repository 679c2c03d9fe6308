namespace Palisade.Kube.Cluster;

/// <summary>
/// Retries API calls that failed for a passing reason (throttling, a server error, a stale resourceVersion, no
/// answer) with exponential backoff and jitter; anything else fails at once.
/// </summary>
public sealed class ClusterRetry(int attempts = 5, TimeSpan? firstDelay = null, TimeSpan? maxDelay = null)
{
    private readonly TimeSpan _first = firstDelay ?? TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan _max = maxDelay ?? TimeSpan.FromSeconds(5);

    /// <summary>Called before each retry with the error that caused it, e.g. to count retries in metrics.</summary>
    public Action<ClusterException>? OnRetry { get; init; }

    public static ClusterRetry Default { get; } = new();

    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (ClusterException ex) when (ex.IsTransient && attempt < attempts)
            {
                OnRetry?.Invoke(ex);
                var delay = Math.Min(_max.TotalMilliseconds, _first.TotalMilliseconds * Math.Pow(2, attempt - 1));
                await Task.Delay(TimeSpan.FromMilliseconds(delay * (0.5 + (Random.Shared.NextDouble() / 2))), cancellation).ConfigureAwait(false);
            }
        }
    }
}
