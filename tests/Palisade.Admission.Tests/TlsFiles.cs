using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Palisade.Admission.Tests;

/// <summary>A self-signed serving certificate for localhost, written as the PEM files the webhook reads.</summary>
public static class TlsFiles
{
    /// <summary>Writes a new certificate and key over <paramref name="certFile"/> and <paramref name="keyFile"/>; returns its thumbprint.</summary>
    public static string Write(string certFile, string keyFile, string subject = "CN=palisade-webhook")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // Write to temporary names and move into place, as kubelet swaps a secret's files in one step.
        File.WriteAllText(keyFile + ".tmp", key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certFile + ".tmp", certificate.ExportCertificatePem());
        File.Move(keyFile + ".tmp", keyFile, overwrite: true);
        File.Move(certFile + ".tmp", certFile, overwrite: true);
        return certificate.Thumbprint;
    }
}
