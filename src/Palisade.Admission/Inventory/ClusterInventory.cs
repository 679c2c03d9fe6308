using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Palisade.Kube.Cluster;
using Palisade.Rego.Values;
using GatekeeperInventory = Palisade.Policy.Gatekeeper.Inventory;

namespace Palisade.Admission.Inventory;

/// <summary>
/// A cache of the cluster's objects of the synced kinds, as Gatekeeper keeps for <c>data.inventory</c>: each kind is
/// listed, then watched from the list's resourceVersion; a watch the server closes is resumed from the last version
/// seen, one that breaks (a 410 Expired, a dropped connection) starts over from a list. Every change publishes a
/// whole new <see cref="GatekeeperInventory"/>, so a review reads one consistent snapshot.
/// </summary>
public sealed class ClusterInventory : IAsyncDisposable
{
    private readonly ClusterClient _cluster;
    private readonly ServedKinds _served;
    private readonly ILogger _log;
    private readonly TimeSpan _retryDelay;
    private readonly Lock _writing = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Per kind, its objects by namespace/name; a kind is a key only once its first list has come in.
    private ImmutableDictionary<ResourceType, ImmutableDictionary<string, Value>> _objects = ImmutableDictionary<ResourceType, ImmutableDictionary<string, Value>>.Empty;
    private GatekeeperInventory _current = GatekeeperInventory.Empty;
    private Task _running = Task.CompletedTask;

    public ClusterInventory(ClusterClient cluster, IReadOnlyList<ResourceType> kinds, ILogger log, TimeSpan? retryDelay = null)
    {
        _cluster = cluster;
        _served = new ServedKinds(cluster);
        Kinds = kinds.Distinct().ToList();
        _log = log;
        _retryDelay = retryDelay ?? TimeSpan.FromSeconds(2);
        if (Kinds.Count == 0)
        {
            _ready.SetResult();
        }
    }

    public IReadOnlyList<ResourceType> Kinds { get; }

    /// <summary>The snapshot in force: what the last change published.</summary>
    public GatekeeperInventory Current => Volatile.Read(ref _current);

    /// <summary>True once every kind has been listed once; until then a review would miss objects that exist.</summary>
    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>The kinds whose first list has not come in yet.</summary>
    public IReadOnlyList<ResourceType> Pending
    {
        get
        {
            var listed = Volatile.Read(ref _objects);
            return Kinds.Where(k => !listed.ContainsKey(k)).ToList();
        }
    }

    /// <summary>Starts listing and watching every kind, in the background.</summary>
    public void Start() => _running = Task.WhenAll(Kinds.Select(kind => Task.Run(() => KeepAsync(kind, _stopping.Token))));

    /// <summary>Completes when every kind has been listed once.</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellation) => _ready.Task.WaitAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task KeepAsync(ResourceType kind, CancellationToken cancellation)
    {
        string? version = null;
        ResourceType? served = null;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                if (served is null)
                {
                    var (resolved, problem) = await _served.ResolveAsync(kind, cancellation).ConfigureAwait(false);
                    if (problem is not null)
                    {
                        _log.KindNotResolved(kind.ToString(), problem);
                    }

                    served = resolved;
                }

                if (version is null)
                {
                    var (items, listVersion) = await _cluster.ListAsync(served, null, cancellation).ConfigureAwait(false);
                    Publish(kind, _ => items.ToImmutableDictionary(Key, ToValue(kind), StringComparer.Ordinal));
                    version = listVersion;
                }

                var events = 0;
                await foreach (var change in _cluster.WatchAsync(served, null, version, cancellation).ConfigureAwait(false))
                {
                    version = ClusterObjects.ResourceVersion(change.Object) ?? version;
                    Apply(kind, change);
                    events++;
                }

                // The server closed the watch (its timeout); resume from the last version seen, but not in a tight
                // loop against a server that closes every watch at once.
                if (events == 0)
                {
                    await Task.Delay(_retryDelay, cancellation).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ClusterException or HttpRequestException or IOException)
            {
                _log.ListOrWatchFailed(kind.ToString(), ex.Message);
                version = null;
                if (ex is ClusterException { IsNotFound: true })
                {
                    // Not served under that name (yet): look the kind up again, a CRD may have been created since.
                    served = null;
                    _served.Forget();
                }

                try
                {
                    await Task.Delay(_retryDelay, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Apply(ResourceType kind, ClusterWatchEvent change)
    {
        switch (change.Type)
        {
            case ClusterWatchEventType.Added or ClusterWatchEventType.Modified:
                Publish(kind, objects => objects.SetItem(Key(change.Object), ToValue(kind)(change.Object)));
                break;
            case ClusterWatchEventType.Deleted:
                Publish(kind, objects => objects.Remove(Key(change.Object)));
                break;
            default:
                // A bookmark only moves the resourceVersion on.
                break;
        }
    }

    private void Publish(ResourceType kind, Func<ImmutableDictionary<string, Value>, ImmutableDictionary<string, Value>> change)
    {
        lock (_writing)
        {
            var objects = _objects.SetItem(kind, change(_objects.GetValueOrDefault(kind) ?? ImmutableDictionary<string, Value>.Empty));
            Volatile.Write(ref _current, new GatekeeperInventory(objects.Values.SelectMany(o => o.Values)));
            Volatile.Write(ref _objects, objects);
            if (objects.Count == Kinds.Count)
            {
                _ready.TrySetResult();
            }
        }
    }

    private static string Key(JsonObject obj) => $"{ClusterObjects.Namespace(obj)}/{ClusterObjects.Name(obj)}";

    private static Func<JsonObject, Value> ToValue(ResourceType kind) => obj =>
    {
        // Objects of a typed core watch, and list items, may come without apiVersion and kind; the inventory files by them.
        obj["apiVersion"] ??= kind.ApiVersion;
        obj["kind"] ??= kind.Kind;
        return ValueJson.FromJson(obj);
    };
}
