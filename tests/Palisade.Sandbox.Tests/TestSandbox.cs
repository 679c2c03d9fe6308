using k8s;

namespace Palisade.Sandbox.Tests;

/// <summary>A sandbox server with a kubeconfig written for it and an official client built from that kubeconfig.</summary>
internal sealed class TestSandbox : IAsyncDisposable
{
    private TestSandbox(SandboxServer server, string directory, Kubernetes client)
    {
        Server = server;
        Directory = directory;
        Client = client;
    }

    public SandboxServer Server { get; }

    /// <summary>A temporary folder of the test, holding the kubeconfig; removed on dispose.</summary>
    public string Directory { get; }

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    /// <summary>The real kubectl against this sandbox, with a discovery cache of its own.</summary>
    public Kubectl Kubectl() => new(KubeconfigPath, Path.Combine(Directory, "kube-cache"));

    public Kubernetes Client { get; }

    public static async Task<TestSandbox> StartAsync(SandboxOptions? options = null)
    {
        var server = await SandboxServer.StartAsync(options ?? new SandboxOptions(), TestContext.Current.CancellationToken);
        var directory = System.IO.Directory.CreateTempSubdirectory("palisade-sandbox-").FullName;
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        return new TestSandbox(server, directory, client);
    }

    /// <summary>Creates a namespace with a fresh name, so tests sharing a server do not see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new k8s.Models.V1ObjectMeta { Name = name } }, cancellationToken: TestContext.Current.CancellationToken);
        return name;
    }

    /// <summary>An HttpClient that trusts the sandbox's certificate, for requests the typed client cannot make; with or without the token.</summary>
    public HttpClient RawClient(bool withToken = true)
    {
        var certificate = Server.Certificate;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawData.AsSpan().SequenceEqual(certificate.RawData),
        };
        var http = new HttpClient(handler) { BaseAddress = Server.Url };
        if (withToken)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Server.Token);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
