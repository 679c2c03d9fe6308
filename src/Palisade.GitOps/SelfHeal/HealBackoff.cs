using Palisade.Kube.Cluster;

namespace Palisade.GitOps.SelfHeal;

/// <summary>
/// How long to wait before putting an object back again. The first revert is immediate; when something keeps
/// changing the object back, each further revert within a minute of the last waits twice as long (1 s, 2 s, 4 s, …,
/// at most 5 minutes), so Palisade and another controller do not fight at full speed and flood the API server.
/// </summary>
public sealed class HealBackoff(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);
    private readonly Dictionary<ObjectKey, (DateTimeOffset Last, int Streak)> _history = [];
    private readonly Lock _lock = new();

    /// <summary>The wait before the next revert of <paramref name="key"/>; records that a revert is coming.</summary>
    public TimeSpan Next(ObjectKey key)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var streak = _history.TryGetValue(key, out var entry) && now - entry.Last < Window ? entry.Streak + 1 : 0;
            var delay = streak == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Max.TotalSeconds, Math.Pow(2, streak - 1)));
            _history[key] = (now + delay, streak);
            return delay;
        }
    }
}
