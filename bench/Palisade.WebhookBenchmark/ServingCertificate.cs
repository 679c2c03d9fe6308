using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Palisade.WebhookBenchmark;

/// <summary>A self-signed certificate for 127.0.0.1, written as the PEM files the webhook reads.</summary>
internal static class ServingCertificate
{
    /// <summary>Writes tls.crt and tls.key into <paramref name="folder"/>; returns the certificate's DER bytes, which clients pin.</summary>
    public static byte[] Write(string folder, out string certFile, out string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=palisade-webhook-benchmark", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        certFile = Path.Combine(folder, "tls.crt");
        keyFile = Path.Combine(folder, "tls.key");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        return certificate.RawData;
    }
}
