using System.Text.Json.Nodes;
using k8s;
using Palisade.Kube.Cluster;
using Palisade.Sandbox;

namespace Palisade.Admission.Tests;

/// <summary>The sandbox API server with a kubeconfig for it, for the webhook's inventory to read and tests to write to.</summary>
internal sealed class InventoryCluster : IAsyncDisposable
{
    private readonly string _folder;

    private InventoryCluster(SandboxServer server)
    {
        Server = server;
        _folder = Directory.CreateTempSubdirectory("palisade-inventory-").FullName;
        Kubeconfig = Path.Combine(_folder, "kubeconfig");
        server.WriteKubeconfig(Kubeconfig);
        Api = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig));
        Cluster = new ClusterClient(Api);
    }

    public SandboxServer Server { get; }

    public string Kubeconfig { get; }

    public IKubernetes Api { get; }

    public ClusterClient Cluster { get; }

    public static async Task<InventoryCluster> StartAsync(IReadOnlyList<SandboxResource>? resources = null) =>
        new(await SandboxServer.StartAsync(new SandboxOptions { Resources = resources }, TestContext.Current.CancellationToken));

    public Task<JsonObject> Apply(ResourceType type, JsonObject obj) =>
        Cluster.ApplyAsync(type, obj, "inventory-tests", force: true, dryRun: false, TestContext.Current.CancellationToken);

    public Task<JsonObject> CreateNamespace(string name, JsonObject? labels = null) => Apply(ResourceTypes.Namespace, new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels ?? [] },
    });

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
