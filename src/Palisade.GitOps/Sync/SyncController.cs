using Palisade.GitOps.Apply;
using Palisade.GitOps.SelfHeal;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Sync;

/// <summary>
/// The sync's loop, as Flux's controllers run theirs: reconcile at once, then at every interval (or when asked),
/// while self-heal watches the applied objects between reconciles.
/// </summary>
public sealed class SyncController : IDisposable
{
    private readonly SyncOptions _options;
    private readonly SemaphoreSlim _trigger = new(0, 1);

    public SyncController(SyncOptions options, RevisionPlanner planner, ClusterClient cluster, ClusterRetry retry, SyncRecorder recorder, TimeProvider time)
    {
        _options = options;
        var writer = new ObjectWriter(cluster, retry);
        Reconciler = new Reconciler(options, planner, writer, recorder);
        if (options.SelfHeal is { } mode)
        {
            Watcher = new DriftWatcher(cluster, writer, options.Name, options.Scope.Types(), () => Reconciler.Applied, mode, Reconciler.WriteLock, recorder.Drifted, time);
        }
    }

    public Reconciler Reconciler { get; }

    public DriftWatcher? Watcher { get; }

    /// <summary>Called after each reconcile with its result (the CLI prints, tests wait).</summary>
    public event Action<SyncResult>? Reconciled;

    /// <summary>Asks for a reconcile now, without waiting for the interval.</summary>
    public void RequestReconcile()
    {
        try
        {
            _trigger.Release();
        }
        catch (SemaphoreFullException)
        {
            // One is already asked for.
        }
    }

    public void Dispose() => _trigger.Dispose();

    public async Task RunAsync(CancellationToken cancellation)
    {
        Task? watching = null;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var result = await Reconciler.ReconcileAsync(cancellation).ConfigureAwait(false);
                Reconciled?.Invoke(result);
                if (watching is null && Watcher is not null && Reconciler.Applied is not null)
                {
                    watching = Task.Run(() => Watcher.RunAsync(cancellation), cancellation);
                }

                // Returns at the interval, or earlier when a reconcile is asked for.
                await _trigger.WaitAsync(_options.Interval, cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping.
        }

        if (watching is not null)
        {
            try
            {
                await watching.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }
}
