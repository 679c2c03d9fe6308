using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Palisade.Kube.Hosting;
using Prometheus;

namespace Palisade.GitOps.Metrics;

/// <summary>
/// The controller's HTTP endpoint: <c>/metrics</c> in the Prometheus text format, <c>/healthz</c> (200 while the
/// process runs, for the liveness probe) and <c>/readyz</c> (200 once <see cref="SetReady"/> says so, 503 before,
/// for the readiness probe). A bare Kestrel host with no routing, logging or configuration sources: three fixed
/// paths do not need more, and the controller's output stays its own.
/// </summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    private const string TextFormat = "text/plain; version=0.0.4; charset=utf-8";

    private readonly WebApplication _app;
    private readonly CollectorRegistry _registry;
    private volatile bool _ready;

    private MetricsEndpoint(WebApplication app, CollectorRegistry registry)
    {
        _app = app;
        _registry = registry;
    }

    /// <summary>The address actually listened on, as <c>host:port</c>, with the port the system chose for port 0.</summary>
    public string BoundAddress { get; private set; } = string.Empty;

    /// <summary>
    /// Starts serving on <paramref name="address"/> (<c>host:port</c>, <c>:port</c>; port 0 for any free port).
    /// An address that cannot be read throws <see cref="ArgumentException"/> naming it.
    /// </summary>
    public static async Task<MetricsEndpoint> StartAsync(string address, CollectorRegistry registry, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var endpoint = ListenAddress.Parse(address, "metrics address");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint);
        });
        var app = builder.Build();
        var self = new MetricsEndpoint(app, registry);
        app.Run(self.HandleAsync);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Kestrel reports the address it bound, with the real port when port 0 was asked for.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        self.BoundAddress = new IPEndPoint(endpoint.Address, new Uri(addresses.Single()).Port).ToString();
        return self;
    }

    /// <summary>Whether /readyz answers 200: the controller sets it once a revision is in place.</summary>
    public void SetReady(bool ready) => _ready = ready;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        switch (context.Request.Path.Value)
        {
            case "/metrics":
                response.ContentType = TextFormat;
                await _registry.CollectAndExportAsTextAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
                break;
            case "/healthz":
                await Text(response, StatusCodes.Status200OK, "ok").ConfigureAwait(false);
                break;
            case "/readyz":
                await Text(response, _ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, _ready ? "ok" : "not ready").ConfigureAwait(false);
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static Task Text(HttpResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(body);
    }
}
