using System.Text.Json.Nodes;
using k8s;
using Palisade.Kube.Cluster;
using Palisade.Sandbox;

namespace Palisade.Testing;

/// <summary>
/// The sandbox API server with a kubeconfig written for it, and the official client and Palisade's cluster client on
/// top: what the sync and webhook tests run against instead of a cluster.
/// </summary>
internal sealed class SandboxCluster : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("palisade-sandbox-").FullName;
    private bool _stopped;

    private SandboxCluster(SandboxServer server)
    {
        Server = server;
        Kubeconfig = Path.Combine(_folder, "kubeconfig");
        server.WriteKubeconfig(Kubeconfig);
        Api = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig));
        Cluster = new ClusterClient(Api);
    }

    public SandboxServer Server { get; }

    public string Kubeconfig { get; }

    public IKubernetes Api { get; }

    public ClusterClient Cluster { get; }

    public static async Task<SandboxCluster> StartAsync(SandboxOptions? options = null) =>
        new(await SandboxServer.StartAsync(options ?? new SandboxOptions(), TestContext.Current.CancellationToken));

    /// <summary>Server-side applies <paramref name="obj"/> as a person or another controller would.</summary>
    public Task<JsonObject> Apply(ResourceType type, JsonObject obj) =>
        Cluster.ApplyAsync(type, obj, "tests", force: true, dryRun: false, TestContext.Current.CancellationToken);

    public Task<JsonObject> CreateNamespace(string name, JsonObject? labels = null) => Apply(ResourceTypes.Namespace, new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels ?? [] },
    });

    /// <summary>Stops the server and leaves the kubeconfig, for what a client does when nothing answers.</summary>
    public async ValueTask StopServerAsync()
    {
        _stopped = true;
        await Server.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!_stopped)
        {
            await Server.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
