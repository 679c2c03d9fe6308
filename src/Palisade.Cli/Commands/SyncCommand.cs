using System.CommandLine;
using System.Runtime.InteropServices;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Metrics;
using Palisade.GitOps.SelfHeal;
using Palisade.GitOps.Source;
using Palisade.GitOps.Sync;
using Palisade.Kube.Cluster;
using Palisade.Sandbox;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade sync SOURCE [--sandbox] [--prune] [--self-heal|--detect-only] [--verify-signatures …] …</c>: keeps a
/// cluster's network policy equal to Git until stopped (or once, with <c>--once</c>).
/// </summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var arguments = new SyncArguments();
        var selfHeal = new Option<bool>("--self-heal") { Description = "Watch the applied objects and put back at once whatever is changed or deleted by hand." };
        var detectOnly = new Option<bool>("--detect-only") { Description = "Watch the applied objects and report drift in the audit log, without reverting it." };
        var interval = new Option<string>("--interval") { Description = "How often to fetch the source and compare the whole cluster (30s, 5m, 1h).", DefaultValueFactory = _ => "1m" };
        var once = new Option<bool>("--once") { Description = "Reconcile once and exit: 0 when applied or unchanged, 1 when refused or failed." };
        var sandbox = new Option<bool>("--sandbox") { Description = "Sync into an embedded Kubernetes API server on 127.0.0.1 instead of a cluster (it stores objects; it does not enforce traffic)." };
        var sandboxKubeconfig = new Option<string?>("--sandbox-kubeconfig") { Description = "Where to write the sandbox's kubeconfig (default: sandbox.kubeconfig in the state folder)." };
        var createNamespaces = new Option<bool>("--create-namespaces") { Description = "Create the namespaces the objects name when they are missing (always on with --sandbox)." };
        var metricsAddr = new Option<string?>("--metrics-addr") { Description = "Serve Prometheus metrics, /healthz and /readyz on HOST:PORT." };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Hold a coordination.k8s.io Lease so only one of several replicas syncs." };
        var leaseNamespace = new Option<string>("--lease-namespace") { Description = "Namespace of the lease.", DefaultValueFactory = _ => "palisade-system" };
        var command = new Command("sync", "Keep a cluster's network policy equal to Git: verify, check, apply, prune and self-heal, with an audit log.")
        {
            selfHeal, detectOnly, interval, once, sandbox, sandboxKubeconfig, createNamespaces, metricsAddr, leaderElect, leaseNamespace,
        };
        arguments.AddTo(command);

        command.SetAction(async (result, cancellation) =>
        {
            var stdout = TextWriter.Synchronized(result.InvocationConfiguration.Output);
            var stderr = result.InvocationConfiguration.Error;
            void Log(string line) => stdout.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {line}");
            try
            {
                if (result.GetValue(selfHeal) && result.GetValue(detectOnly))
                {
                    throw new ArgumentException("--self-heal and --detect-only exclude each other");
                }

                var every = DurationText.Parse(result.GetRequiredValue(interval)) is { TotalSeconds: >= 1 } parsed
                    ? parsed
                    : throw new ArgumentException($"--interval {result.GetRequiredValue(interval)}: a duration of at least 1s, such as 30s, 5m or 1h");
                HealMode? heal = result.GetValue(selfHeal) ? HealMode.Revert : result.GetValue(detectOnly) ? HealMode.DetectOnly : null;
                var options = arguments.SyncOptions(result, heal, every) with { CreateNamespaces = result.GetValue(createNamespaces) || result.GetValue(sandbox) };
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                {
                    // What Kubernetes sends a pod to stop it: end the loop cleanly, as Ctrl-C does.
                    context.Cancel = true;
                    stop.Cancel();
                });
                // The source first: a wrong URL or folder is reported before any cluster is contacted.
                var sourceOptions = arguments.SourceOptions(result);
                var source = await Sources.OpenAsync(sourceOptions, Path.Combine(options.StateDirectory, "source"), stop.Token).ConfigureAwait(false);
                var kubeconfig = result.GetValue(arguments.Kubeconfig);
                await using var server = result.GetValue(sandbox) ? await SandboxServer.StartAsync(new SandboxOptions(), stop.Token).ConfigureAwait(false) : null;
                if (server is not null)
                {
                    kubeconfig = WriteSandboxKubeconfig(server, options, result.GetValue(sandboxKubeconfig), Log);
                }

                var api = SyncArguments.Cluster(kubeconfig);
                var cluster = new ClusterClient(api);
                var metrics = new SyncMetrics();
                await using var endpoint = result.GetValue(metricsAddr) is { } address ? await MetricsEndpoint.StartAsync(address, metrics.Registry, stop.Token).ConfigureAwait(false) : null;
                if (endpoint is not null)
                {
                    Log($"metrics on http://{endpoint.BoundAddress}/metrics");
                }

                using var audit = AuditLog.Open(options.StateDirectory);
                var retry = new ClusterRetry { OnRetry = ex => metrics.ApiRetried((int)ex.Status) };
                var recorder = new SyncRecorder(options, RemoteLocation.Redact(sourceOptions.Url), audit, metrics, TimeProvider.System, Log);
                var planner = new RevisionPlanner(options, source, cluster, retry);
                if (options.CreateNamespaces)
                {
                    await new Palisade.GitOps.Apply.ObjectWriter(cluster, retry).EnsureNamespaceAsync(options.InventoryNamespace, stop.Token).ConfigureAwait(false);
                }

                var controller = new SyncController(options, planner, cluster, retry, recorder, TimeProvider.System);
                Log($"syncing {RemoteLocation.Redact(sourceOptions.Url)} every {result.GetRequiredValue(interval)}; audit log {audit.Path}");
                if (result.GetValue(once))
                {
                    var single = await controller.Reconciler.ReconcileAsync(stop.Token).ConfigureAwait(false);
                    return single.Kind is SyncOutcomeKind.Applied or SyncOutcomeKind.Unchanged ? ExitCodes.Success : ExitCodes.Failure;
                }

                controller.Reconciled += outcome => endpoint?.SetReady(outcome.Kind is SyncOutcomeKind.Applied or SyncOutcomeKind.Unchanged || controller.Reconciler.Applied is not null);
                if (result.GetValue(leaderElect))
                {
                    var identity = $"{Environment.MachineName}-{Environment.ProcessId}";
                    await new LeaderGate(api, result.GetRequiredValue(leaseNamespace), $"palisade-sync-{options.Name}", identity, Log).RunAsync(controller.RunAsync, stop.Token).ConfigureAwait(false);
                }
                else
                {
                    await controller.RunAsync(stop.Token).ConfigureAwait(false);
                }

                Log("stopped");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is ArgumentException or SourceException or AuditLogException or ClusterException or IOException or k8s.Exceptions.KubeConfigException)
            {
                stderr.WriteLine("Error: " + ex.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static string WriteSandboxKubeconfig(SandboxServer server, SyncOptions options, string? kubeconfig, Action<string> log)
    {
        var path = Path.GetFullPath(kubeconfig ?? Path.Combine(options.StateDirectory, "sandbox.kubeconfig"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        server.WriteKubeconfig(path);
        log($"sandbox API server at {server.Url}; kubeconfig written to {path}");
        log($"  try: kubectl --kubeconfig {path} get networkpolicies.projectcalico.org -A");
        return path;
    }
}
