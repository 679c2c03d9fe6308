using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Palisade.GitOps.Tests.Support;

/// <summary>
/// A git server over HTTPS, as a hosted forge is to the sync: git's own smart-HTTP backend (<c>git http-backend</c>,
/// run as CGI per request) behind Kestrel, with a self-signed certificate and a bearer of one token only.
/// </summary>
internal sealed class HttpsGitServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpsGitServer(WebApplication app, string caFile, Uri url)
    {
        _app = app;
        CaFile = caFile;
        Url = url;
    }

    /// <summary>The server's certificate as PEM: the one CA a client must trust.</summary>
    public string CaFile { get; }

    public Uri Url { get; }

    /// <summary>Serves the repositories under <paramref name="root"/> (e.g. <c>root/policy.git</c>) to requests carrying <paramref name="token"/>.</summary>
    public static async Task<HttpsGitServer> StartAsync(string root, string token, string caFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=git.example.test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        await File.WriteAllTextAsync(caFile, certificate.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"x-access-token:{token}"));
        app.Run(context => context.Request.Headers.Authorization == expected
            ? RunBackendAsync(context, root)
            : Unauthorized(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HttpsGitServer(app, caFile, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task Unauthorized(HttpContext context)
    {
        context.Response.StatusCode = 401;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"git\"";
        return Task.CompletedTask;
    }

    /// <summary>One CGI request: the request's body to the backend's input, its headers and body back to the client.</summary>
    private static async Task RunBackendAsync(HttpContext context, string root)
    {
        var start = new ProcessStartInfo("git", ["http-backend"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var request = context.Request;
        start.Environment["GIT_PROJECT_ROOT"] = root;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["REQUEST_METHOD"] = request.Method;
        start.Environment["PATH_INFO"] = request.Path.Value ?? "/";
        start.Environment["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? string.Empty;
        start.Environment["REMOTE_USER"] = "x-access-token";
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        foreach (var (header, variable) in new[] { ("Content-Encoding", "HTTP_CONTENT_ENCODING"), ("Git-Protocol", "GIT_PROTOCOL") })
        {
            if (request.Headers.TryGetValue(header, out var value))
            {
                start.Environment[variable] = value.ToString();
            }
        }

        using var backend = Process.Start(start)!;
        var input = Task.Run(async () =>
        {
            await request.Body.CopyToAsync(backend.StandardInput.BaseStream);
            backend.StandardInput.Close();
        });
        _ = backend.StandardError.ReadToEndAsync();
        var output = backend.StandardOutput.BaseStream;
        string? line;
        while (!string.IsNullOrEmpty(line = ReadHeaderLine(output)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = int.Parse(value.AsSpan(0, 3), System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                context.Response.Headers[name] = value;
            }
        }

        await output.CopyToAsync(context.Response.Body);
        await input;
        await backend.WaitForExitAsync();
    }

    /// <summary>A CGI header line, read byte by byte so that nothing of the body after it is consumed.</summary>
    private static string ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        int next;
        while ((next = stream.ReadByte()) is not -1 and not '\n')
        {
            if (next != '\r')
            {
                bytes.Add((byte)next);
            }
        }

        return Encoding.ASCII.GetString([.. bytes]);
    }
}
