using k8s;
using Palisade.Kube.Cluster;
using Palisade.Sandbox;

namespace Palisade.GitOps.Tests.Support;

/// <summary>The sandbox API server with a kubeconfig written for it, and the official client and Palisade's cluster client on top.</summary>
internal sealed class SandboxCluster : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private bool _stopped;

    private SandboxCluster(SandboxServer server)
    {
        Server = server;
        Kubeconfig = _folder.Combine("kubeconfig");
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

        _folder.Dispose();
    }
}
