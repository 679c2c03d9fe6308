using System.Text.Json.Nodes;
using Palisade.GitOps.Apply;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Metrics;
using Palisade.GitOps.Source;
using Palisade.GitOps.Sync;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>
/// One sync, wired as <c>palisade sync --sandbox</c> wires it: the sandbox API server, the git source over a real
/// repository, the audit log in SQLite, the controller, and kubectl for what a person does by hand.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    private SyncHarness(SandboxCluster sandbox, string state, SyncOptions options, AuditLog audit, SyncController controller)
    {
        Sandbox = sandbox;
        State = state;
        Options = options;
        Audit = audit;
        Controller = controller;
        Kubectl = new Kubectl(sandbox.Kubeconfig);
    }

    public SandboxCluster Sandbox { get; }

    public string State { get; }

    public SyncOptions Options { get; }

    public ClusterClient Cluster => Sandbox.Cluster;

    public AuditLog Audit { get; }

    public SyncController Controller { get; }

    public Kubectl Kubectl { get; }

    public static async Task<SyncHarness> StartAsync(string repository, Func<SyncOptions, SyncOptions>? configure = null)
    {
        var state = Path.Combine(Path.GetTempPath(), "palisade-sync-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(state);
        var options = new SyncOptions { StateDirectory = state, CreateNamespaces = true, Prune = true, Interval = TimeSpan.FromHours(1) };
        options = configure?.Invoke(options) ?? options;
        var sandbox = await SandboxCluster.StartAsync();
        var cluster = sandbox.Cluster;
        var retry = new ClusterRetry();
        await new ObjectWriter(cluster, retry).EnsureNamespaceAsync(options.InventoryNamespace, TestContext.Current.CancellationToken);
        var source = await Sources.OpenAsync(new GitSourceOptions { Url = repository }, Path.Combine(state, "source"), TestContext.Current.CancellationToken);
        var audit = AuditLog.Open(state);
        var recorder = new SyncRecorder(options, repository, audit, new SyncMetrics(), TimeProvider.System);
        var planner = new RevisionPlanner(options, source, cluster, retry);
        var controller = new SyncController(options, planner, cluster, retry, recorder, TimeProvider.System);
        return new SyncHarness(sandbox, state, options, audit, controller);
    }

    /// <summary>One reconcile of the current revision, as <c>palisade sync --once</c>.</summary>
    public Task<SyncResult> SyncAsync() => Controller.Reconciler.ReconcileAsync(TestContext.Current.CancellationToken);

    /// <summary>Runs the controller's loop, as <c>palisade sync --self-heal</c>, until the first reconcile is done and every watch has started.</summary>
    public async Task<SyncResult> RunAsync()
    {
        var first = new TaskCompletionSource<SyncResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Controller.Reconciled += result => first.TrySetResult(result);
        _loop = Task.Run(() => Controller.RunAsync(_stop.Token));
        var result = await first.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        if (Controller.Watcher is { } watcher)
        {
            await watcher.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        return result;
    }

    public Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name) =>
        Cluster.GetAsync(type, ns, name, TestContext.Current.CancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds of the object (null when absent); fails after <paramref name="within"/>.</summary>
    public async Task<JsonObject?> WaitForAsync(ResourceType type, string? ns, string name, Func<JsonObject?, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var live = await GetAsync(type, ns, name);
            if (condition(live))
            {
                return live;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{type.Kind} {ns}/{name} did not reach the expected state within {within.TotalSeconds} s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public IReadOnlyList<T> Events<T>()
        where T : AuditEvent =>
        Audit.Query(new AuditQuery { Limit = 1000, OldestFirst = true }).Select(e => e.Event).OfType<T>().ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
        Audit.Dispose();
        Controller.Dispose();
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(State, recursive: true);
        }
        catch (IOException)
        {
            // The SQLite file may still be closing; the temporary folder is left behind.
        }
    }
}
