using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Palisade.Admission;
using Palisade.Admission.Server;

namespace Palisade.Sandbox.Tests;

/// <summary>
/// Palisade's real admission webhook on 127.0.0.1 (a free port), serving a self-signed certificate for that address
/// and enforcing a small conftest policy: a Calico NetworkPolicy below order 500 is denied, one without types warned of.
/// </summary>
internal sealed class PolicyWebhook : IAsyncDisposable
{
    public const string DenyMessage = "order below 500 is reserved for the platform team";
    public const string WarnMessage = "no types given";

    private const string Policy = """
        package main

        deny contains msg if {
        	input.apiVersion == "projectcalico.org/v3"
        	input.kind == "NetworkPolicy"
        	input.spec.order < 500
        	msg := sprintf("%s: order %v: order below 500 is reserved for the platform team", [input.metadata.name, input.spec.order])
        }

        warn contains msg if {
        	input.apiVersion == "projectcalico.org/v3"
        	input.kind == "NetworkPolicy"
        	not input.spec.types
        	msg := sprintf("%s: no types given", [input.metadata.name])
        }
        """;

    private readonly string root;

    private PolicyWebhook(string root, WebhookServer server, string certificatePem)
    {
        this.root = root;
        Server = server;
        CertificatePem = certificatePem;
    }

    public WebhookServer Server { get; }

    /// <summary>The serving certificate, which is its own CA: what a caBundle holds.</summary>
    public string CertificatePem { get; }

    public string Url => $"https://127.0.0.1:{Server.Port}/validate";

    public string CaBundle => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(CertificatePem));

    public static async Task<PolicyWebhook> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("palisade-sandbox-webhook-").FullName;
        var policy = Directory.CreateDirectory(Path.Combine(root, "policy")).FullName;
        await File.WriteAllTextAsync(Path.Combine(policy, "order.rego"), Policy, TestContext.Current.CancellationToken);
        var certificatePem = WriteCertificate(Path.Combine(root, "tls.crt"), Path.Combine(root, "tls.key"));
        var server = await WebhookServer.StartAsync(
            new WebhookOptions
            {
                Sources = new PolicySources { PolicyDir = policy },
                TlsCertFile = Path.Combine(root, "tls.crt"),
                TlsKeyFile = Path.Combine(root, "tls.key"),
                Address = new IPEndPoint(IPAddress.Loopback, 0),
            },
            logging => logging.SetMinimumLevel(LogLevel.None),
            TestContext.Current.CancellationToken);
        return new PolicyWebhook(root, server, certificatePem);
    }

    /// <summary>How many reviews the webhook answered with a verdict (allowed, denied, error), read from its metrics.</summary>
    public async Task<int> AnsweredAsync(string verdict)
    {
        using var text = new MemoryStream();
        await Server.Metrics.Registry.CollectAndExportAsTextAsync(text, TestContext.Current.CancellationToken);
        var prefix = $"palisade_webhook_requests_total{{verdict=\"{verdict}\"}} ";
        var line = System.Text.Encoding.UTF8.GetString(text.ToArray()).Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return int.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    private static string WriteCertificate(string certFile, string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=palisade-webhook", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var pem = certificate.ExportCertificatePem();
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certFile, pem);
        return pem;
    }
}
