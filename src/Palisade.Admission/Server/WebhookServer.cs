using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Palisade.Admission.Inventory;

namespace Palisade.Admission.Server;

/// <summary>
/// The validating admission webhook: <c>POST /validate</c> over HTTPS, <c>/healthz</c>, <c>/readyz</c> and
/// <c>/metrics</c>. Policies and certificates are loaded before it listens (so a bad file stops the start) and
/// reloaded whenever their files change.
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PolicyHolder _policy;
    private readonly CertificateSource _certificates;
    private readonly WebhookOptions _options;
    private readonly WebhookMetrics _metrics = new();
    private readonly ILogger _log;
    private readonly string _sources;
    private ClusterInventory? _inventory;
    private ChangeWatcher? _policyWatcher;
    private ChangeWatcher? _certificateWatcher;

    private WebhookServer(WebhookOptions options, PolicyHolder policy, CertificateSource certificates, Action<ILoggingBuilder>? logging)
    {
        _options = options;
        _sources = string.Join(", ", options.Sources.Folders);
        _policy = policy;
        _certificates = certificates;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logging is null)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);

            // One line per verdict from the webhook; ASP.NET Core's per-request lines only when something is wrong.
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }
        else
        {
            logging(builder.Logging);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Listen(options.Address, listen => listen.UseHttps(https => https.ServerCertificateSelector = (_, _) => _certificates.Current));
        });
        _app = builder.Build();
        _log = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("palisade.webhook");
        _app.MapPost("/validate", Validate);
        _app.MapGet("/healthz", () => Results.Text("ok\n"));
        _app.MapGet("/readyz", Readiness);
        _app.MapGet("/metrics", WriteMetrics);
    }

    /// <summary>The port the server listens on (the one picked when the address asked for port 0).</summary>
    public int Port { get; private set; }

    public AdmissionPolicy Policy => _policy.Current;

    public WebhookMetrics Metrics => _metrics;

    /// <summary>The cache of cluster objects behind <c>data.inventory</c>, when the webhook was given a kubeconfig for it.</summary>
    public ClusterInventory? Inventory => _inventory;

    /// <summary>Loads policies and the certificate, then listens; a bad policy or certificate throws before anything listens.</summary>
    public static async Task<WebhookServer> StartAsync(WebhookOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellation = default)
    {
        var policy = new PolicyHolder(AdmissionPolicy.Load(options.Sources));
        var certificates = new CertificateSource(options.TlsCertFile, options.TlsKeyFile);
        certificates.Reload();
        var cluster = options.InventoryKubeconfig is { } kubeconfig ? InventoryKubeconfig.Connect(kubeconfig) : null;
        var server = new WebhookServer(options, policy, certificates, logging);
        if (cluster is not null)
        {
            server._inventory = new ClusterInventory(cluster, options.SyncKinds, server._app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("palisade.webhook.inventory"));
            server._inventory.Start();
        }

        await server._app.StartAsync(cancellation).ConfigureAwait(false);
        var bound = server._app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(bound).Port;
        server._policyWatcher = new ChangeWatcher(options.Sources.Folders, [], options.ReloadInterval, server.ReloadPolicy);
        server._certificateWatcher = new ChangeWatcher([], [options.TlsCertFile, options.TlsKeyFile], options.ReloadInterval, server.ReloadCertificate);
        var listening = $"{options.Address.Address}:{server.Port}";
        server._log.Listening(listening, server._sources);
        return server;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellation) => _app.WaitForShutdownAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        _policyWatcher?.Dispose();
        _certificateWatcher?.Dispose();
        if (_inventory is not null)
        {
            await _inventory.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void ReloadPolicy()
    {
        try
        {
            var next = AdmissionPolicy.Load(_options.Sources);
            _policy.Swap(next);
            _log.PolicyReloaded(_sources);
        }
        catch (PolicyLoadException ex)
        {
            _log.PolicyReloadFailed(ex.Message);
        }
    }

    private void ReloadCertificate()
    {
        try
        {
            var certificate = _certificates.Reload();
            var notAfter = certificate.NotAfter.ToUniversalTime();
            _log.CertificateReloaded(certificate.Subject, notAfter);
        }
        catch (CertificateLoadException ex)
        {
            _log.CertificateReloadFailed(ex.Message);
        }
    }

    private async Task Validate(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        var (status, body, verdict) = await Answer(context.Request, context.RequestAborted).ConfigureAwait(false);
        _metrics.Record(verdict, clock.Elapsed);
        context.Response.StatusCode = status;
        context.Response.ContentType = status == StatusCodes.Status200OK ? "application/json" : "text/plain; charset=utf-8";
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<(int Status, string Body, Verdict Verdict)> Answer(HttpRequest request, CancellationToken cancellation)
    {
        if (!IsJson(request.ContentType))
        {
            return BadRequest($"Content-Type must be application/json, not {request.ContentType ?? "(none)"}");
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return (StatusCodes.Status413PayloadTooLarge, $"the body is larger than {_options.MaxBodyBytes} bytes\n", Verdict.Error);
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex)
        {
            return (ex.StatusCode, ex.Message + "\n", Verdict.Error);
        }

        AdmissionRequest admission;
        try
        {
            admission = AdmissionRequest.Decode(bytes);
        }
        catch (AdmissionFormatException ex)
        {
            return BadRequest(ex.Message);
        }

        var decision = Decide(admission, cancellation);
        return (StatusCodes.Status200OK, AdmissionResponse.ToJson(admission.Uid, decision).ToJsonString(), decision.Verdict);
    }

    private AdmissionDecision Decide(AdmissionRequest request, CancellationToken cancellation)
    {
        var what = $"{request.Operation} {request.Kind.Kind} {(request.Namespace.Length > 0 ? request.Namespace + "/" : string.Empty)}{request.Name} (uid {request.Uid})";
        var decision = Validator.Validate(_policy.Current, request, _options.Evaluation, _inventory?.Current, cancellation);
        foreach (var failure in decision.Failures)
        {
            _log.EvaluationFailed(what, failure.Rule, _options.Evaluation.FailurePolicy, failure.Error);
        }

        foreach (var violation in decision.DryRunViolations)
        {
            _log.DryRunViolation(what, violation);
        }

        if (!decision.Allowed)
        {
            _log.Denied(what, decision.Message);
        }

        return decision;
    }

    /// <summary>
    /// Ready once every synced kind has been listed, as Gatekeeper's readiness tracker waits for its sync: before
    /// that a constraint reading the inventory would admit what the cluster's objects forbid.
    /// </summary>
    private IResult Readiness() => _inventory is { IsReady: false } inventory
        ? Results.Text($"inventory not yet listed: {string.Join(", ", inventory.Pending)}\n", statusCode: StatusCodes.Status503ServiceUnavailable)
        : Results.Text("ok\n");

    private static (int, string, Verdict) BadRequest(string reason) => (StatusCodes.Status400BadRequest, reason + "\n", Verdict.Error);

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private async Task WriteMetrics(HttpContext context)
    {
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await _metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
