using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Palisade.GitOps.Apply;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Desired;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.SelfHeal;

/// <summary>What self-heal does with a drift it finds.</summary>
public enum HealMode
{
    /// <summary>Put the object back as Git has it.</summary>
    Revert,

    /// <summary>Only report it (<c>--detect-only</c>).</summary>
    DetectOnly,
}

/// <summary>
/// Watches the sync's objects, one watch per allowed kind filtered by the sync's label, and puts back within
/// moments any object someone changed or deleted by hand. A watch that ends or fails is started again from a fresh
/// list, which is compared in full, so nothing that happened in between is missed.
/// </summary>
public sealed class DriftWatcher(
    ClusterClient cluster,
    ObjectWriter writer,
    string syncName,
    IReadOnlyList<ResourceType> types,
    Func<AppliedState?> applied,
    HealMode mode,
    SemaphoreSlim writeLock,
    Action<DriftReport> report,
    TimeProvider time)
{
    private readonly HealBackoff _backoff = new(time);
    private readonly ConcurrentDictionary<ObjectKey, string> _reported = new();
    private readonly ConcurrentDictionary<ObjectKey, bool> _pending = new();

    /// <summary>Raised once every watch has started (tests and readiness wait for it).</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(CancellationToken cancellation)
    {
        var started = 0;
        var watches = types.Select(type => WatchKindAsync(type, () =>
        {
            if (Interlocked.Increment(ref started) == types.Count)
            {
                Started.TrySetResult();
            }
        }, cancellation)).ToList();
        if (types.Count == 0)
        {
            Started.TrySetResult();
        }

        await Task.WhenAll(watches).ConfigureAwait(false);
    }

    private async Task WatchKindAsync(ResourceType type, Action onStarted, CancellationToken cancellation)
    {
        var first = true;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                var (items, version) = await cluster.ListAsync(type, Tracking.Selector(syncName), cancellation).ConfigureAwait(false);
                await CompareAllAsync(type, items, cancellation).ConfigureAwait(false);
                var events = cluster.WatchAsync(type, Tracking.Selector(syncName), version, cancellation);
                if (first)
                {
                    first = false;
                    onStarted();
                }

                var handled = 0;
                await foreach (var change in events.ConfigureAwait(false))
                {
                    await HandleAsync(type, change, cancellation).ConfigureAwait(false);
                    handled++;
                }

                // The server ended the watch (its request timeout): list and compare again, but not in a tight loop
                // against a server or proxy that ends every watch at once.
                if (handled == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellation).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ClusterException or HttpRequestException or IOException)
            {
                // A watch that broke (410 Gone, a restart of the API server, a dropped connection) starts over from a list.
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Compares every listed object, and notices desired objects of this kind that are missing.</summary>
    private async Task CompareAllAsync(ResourceType type, IReadOnlyList<JsonObject> items, CancellationToken cancellation)
    {
        if (applied() is not { } state)
        {
            return;
        }

        var present = new HashSet<ObjectKey>();
        foreach (var item in items)
        {
            var key = ClusterObjects.Key(type, item);
            present.Add(key);
            await HandleAsync(type, new ClusterWatchEvent(ClusterWatchEventType.Modified, item), cancellation).ConfigureAwait(false);
        }

        foreach (var missing in state.Objects.Values.Where(o => o.Type == type && !present.Contains(o.Key)))
        {
            await HealAsync(missing, DriftKind.Deleted, Drift.DriftDetector.Deleted(missing.Body), Stopwatch.GetTimestamp(), cancellation).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(ResourceType type, ClusterWatchEvent change, CancellationToken cancellation)
    {
        var seen = Stopwatch.GetTimestamp();
        if (change.Type == ClusterWatchEventType.Bookmark || applied() is not { } state)
        {
            return;
        }

        var key = ClusterObjects.Key(type, change.Object);
        if (!state.Objects.TryGetValue(key, out var desired))
        {
            return;
        }

        if (change.Type == ClusterWatchEventType.Deleted)
        {
            await HealAsync(desired, DriftKind.Deleted, Drift.DriftDetector.Deleted(desired.Body), seen, cancellation).ConfigureAwait(false);
            return;
        }

        if (Drift.DriftDetector.Compare(desired.Body, change.Object, Tracking.FieldManager) is { } drift)
        {
            await HealAsync(desired, DriftKind.Modified, drift, seen, cancellation).ConfigureAwait(false);
        }
        else
        {
            _reported.TryRemove(key, out _);
        }
    }

    private async Task HealAsync(DesiredObject desired, DriftKind kind, Drift.Drift drift, long seen, CancellationToken cancellation)
    {
        var revision = applied()?.Revision ?? string.Empty;
        if (mode == HealMode.DetectOnly)
        {
            // The same drift seen again (a resync, an unrelated update) is reported once.
            if (_reported.TryGetValue(desired.Key, out var last) && last == drift.Diff)
            {
                return;
            }

            _reported[desired.Key] = drift.Diff;
            report(new DriftReport(time.GetUtcNow(), revision, desired.Key, kind, drift, Reverted: false, "detect-only: self-heal is off", Stopwatch.GetElapsedTime(seen)));
            return;
        }

        var delay = _backoff.Next(desired.Key);
        if (delay > TimeSpan.Zero)
        {
            if (!_pending.TryAdd(desired.Key, true))
            {
                return; // a revert of this object is already waiting
            }

            report(new DriftReport(time.GetUtcNow(), revision, desired.Key, kind, drift, Reverted: false, $"backing off: changed again within a minute; reverting in {delay.TotalSeconds:0.#}s", Stopwatch.GetElapsedTime(seen)));
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        await Task.Delay(delay, time, cancellation).ConfigureAwait(false);
                        _pending.TryRemove(desired.Key, out _);
                        await RecheckAsync(desired, cancellation).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // The controller is stopping.
                    }
                },
                cancellation);
            return;
        }

        await RevertAsync(desired, kind, drift, seen, cancellation).ConfigureAwait(false);
    }

    /// <summary>After a backoff: the object may have been put right, or changed again, meanwhile; look before acting.</summary>
    private async Task RecheckAsync(DesiredObject desired, CancellationToken cancellation)
    {
        var live = await cluster.GetAsync(desired.Type, desired.Key.Namespace, desired.Key.Name, cancellation).ConfigureAwait(false);
        var seen = Stopwatch.GetTimestamp();
        if (live is null)
        {
            await RevertAsync(desired, DriftKind.Deleted, Drift.DriftDetector.Deleted(desired.Body), seen, cancellation).ConfigureAwait(false);
        }
        else if (Drift.DriftDetector.Compare(desired.Body, live, Tracking.FieldManager) is { } drift)
        {
            await RevertAsync(desired, DriftKind.Modified, drift, seen, cancellation).ConfigureAwait(false);
        }
    }

    private async Task RevertAsync(DesiredObject desired, DriftKind kind, Drift.Drift drift, long seen, CancellationToken cancellation)
    {
        var revision = applied()?.Revision ?? string.Empty;
        await writeLock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            // The reconciler may have moved to a revision without this object while this revert waited.
            if (applied() is not { } state || !state.Objects.ContainsKey(desired.Key))
            {
                return;
            }

            await writer.ApplyAsync(desired, drift.Added, cancellation).ConfigureAwait(false);
            report(new DriftReport(time.GetUtcNow(), revision, desired.Key, kind, drift, Reverted: true, null, Stopwatch.GetElapsedTime(seen)));
        }
        catch (ClusterException ex)
        {
            report(new DriftReport(time.GetUtcNow(), revision, desired.Key, kind, drift, Reverted: false, "revert failed: " + ex.Message, Stopwatch.GetElapsedTime(seen)));
        }
        finally
        {
            writeLock.Release();
        }
    }
}
