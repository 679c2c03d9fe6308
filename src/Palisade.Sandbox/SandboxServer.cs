using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Palisade.Sandbox.Http;
using Palisade.Sandbox.Storage;
using Palisade.Sandbox.Webhooks;

namespace Palisade.Sandbox;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1 that speaks the REST protocol (discovery, CRUD, patches,
/// server-side apply, watches) over HTTPS with a bearer token. It stores objects and calls the validating webhooks
/// registered in it; it enforces no traffic.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ObjectStore store;
    private readonly CancellationTokenSource stopping;

    private SandboxServer(WebApplication app, ObjectStore store, CancellationTokenSource stopping, string token, X509Certificate2 certificate, WritePipeline writes)
    {
        this.app = app;
        this.store = store;
        this.stopping = stopping;
        Token = token;
        Certificate = certificate;
        Writes = writes;
    }

    /// <summary>https://127.0.0.1:PORT</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The bearer token every request must carry.</summary>
    public string Token { get; }

    /// <summary>The self-signed serving certificate, for 127.0.0.1 and localhost.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The admission checks run on every write before it is stored.</summary>
    public WritePipeline Writes { get; }

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WatchHistoryLimit, 1);
        var catalog = new ResourceCatalog(options.Resources ?? SandboxResource.Defaults);
        var files = options.PersistDirectory is { } directory ? new ObjectFiles(directory) : null;
        var store = new ObjectStore(catalog.All, options.WatchHistoryLimit, files);
        InitialObjects.Ensure(store, catalog);
        var certificate = SelfSignedCertificate.Create();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var writes = new WritePipeline();
        writes.Add(new WebhookAdmission(store, catalog));
        var stopping = new CancellationTokenSource();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        // The host must not take Ctrl-C or SIGTERM from the process that embeds it.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        var server = new SandboxServer(app, store, stopping, token, certificate, writes);
        var api = new SandboxApi(catalog, store, writes, token, options.BookmarkInterval ?? TimeSpan.FromMinutes(1), () => server.Url.Authority, stopping.Token);
        app.Run(api.HandleAsync);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        server.Url = new Uri(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{port}"));
        return server;
    }

    /// <summary>Writes a kubeconfig whose current context "sandbox" reaches this server with its token, trusting its certificate.</summary>
    public void WriteKubeconfig(string path) => File.WriteAllText(path, Kubeconfig.Create(Url, Certificate.ExportCertificatePem(), Token));

    /// <summary>
    /// Ends every open watch cleanly, as kube-apiserver does when a watch reaches its request timeout or the server
    /// restarts: clients must resume from the last resourceVersion they saw, or list again when that is too old.
    /// </summary>
    public void EndWatches() => store.CompleteWatches();

    /// <summary>How many watches clients hold open now.</summary>
    public int OpenWatches => store.WatchCount;

    public async ValueTask DisposeAsync()
    {
        // Watches are endless responses: end them first so the server can stop without waiting for its timeout.
        await stopping.CancelAsync().ConfigureAwait(false);
        store.CompleteWatches();
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
        Certificate.Dispose();
    }
}
