using System.Diagnostics;
using System.Globalization;
using k8s;
using Palisade.GitOps.Apply;
using Palisade.GitOps.SelfHeal;
using Palisade.GitOps.Source;
using Palisade.GitOps.Sync;
using Palisade.Kube.Cluster;
using Palisade.Sandbox;

namespace Palisade.SyncBenchmark;

internal static class SyncBenchmark
{
    public static async Task RunAsync(int policies, int deletions, TextWriter output)
    {
        var type = ResourceTypes.Find("projectcalico.org/v3", "NetworkPolicy")!;
        var repository = BenchmarkRepository.Create(policies);
        var state = Directory.CreateTempSubdirectory("palisade-sync-bench-state-").FullName;
        using var stop = new CancellationTokenSource();
        try
        {
            await using var server = await SandboxServer.StartAsync(new SandboxOptions(), stop.Token);
            var kubeconfig = Path.Combine(state, "kubeconfig");
            server.WriteKubeconfig(kubeconfig);
            var cluster = new ClusterClient(new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)));
            var retry = new ClusterRetry();
            var options = new SyncOptions
            {
                StateDirectory = state,
                CreateNamespaces = true,
                Prune = true,
                SelfHeal = HealMode.Revert,
                Interval = TimeSpan.FromHours(1),
                PolicyPath = string.Empty,
            };
            await new ObjectWriter(cluster, retry).EnsureNamespaceAsync(options.InventoryNamespace, stop.Token);
            var source = await Sources.OpenAsync(new GitSourceOptions { Url = repository }, Path.Combine(state, "source"), stop.Token);
            var recorder = new SyncRecorder(options, repository, audit: null, metrics: null, TimeProvider.System);
            var planner = new RevisionPlanner(options, source, cluster, retry);
            var controller = new SyncController(options, planner, cluster, retry, recorder, TimeProvider.System);

            var first = new TaskCompletionSource<SyncResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            controller.Reconciled += result => first.TrySetResult(result);
            var clock = Stopwatch.StartNew();
            var loop = Task.Run(() => controller.RunAsync(stop.Token));
            var synced = await first.Task;
            var firstSync = clock.Elapsed;
            if (synced.Kind != SyncOutcomeKind.Applied)
            {
                throw new InvalidOperationException($"the first sync was {synced.Kind}: {synced.Refusal?.Message ?? synced.Error}");
            }

            clock.Restart();
            var resync = await controller.Reconciler.ReconcileAsync(stop.Token);
            var unchanged = clock.Elapsed;
            await controller.Watcher!.Started.Task;

            var latencies = new List<double>(deletions);
            for (var i = 0; i < deletions; i++)
            {
                var index = i * policies / deletions;
                var ns = BenchmarkRepository.Namespace(index);
                var name = BenchmarkRepository.Name(index);
                clock.Restart();
                await cluster.DeleteAsync(type, ns, name, dryRun: false, stop.Token);
                while (await cluster.GetAsync(type, ns, name, stop.Token) is null)
                {
                    await Task.Delay(2, stop.Token);
                }

                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            await stop.CancelAsync();
            await loop;
            latencies.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"palisade sync into the sandbox API server, {Environment.ProcessorCount} cores"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first sync of {policies} policies: {firstSync.TotalSeconds:0.00} s ({synced.Plan!.Count(Palisade.GitOps.Planning.ChangeAction.Create)} created)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resync, nothing changed: {unchanged.TotalSeconds:0.00} s ({resync.Kind})"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"self-heal, {deletions} deletions, delete to back: p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms"));
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
            Directory.Delete(state, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
