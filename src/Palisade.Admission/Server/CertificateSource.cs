using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Palisade.Admission.Server;

/// <summary>A serving certificate that cannot be loaded; the message names the file.</summary>
public sealed class CertificateLoadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The serving certificate, read from PEM files and replaced when they change. Kestrel asks for it on every TLS
/// handshake, so a renewed certificate (cert-manager rewrites the secret's files) is served without a restart.
/// </summary>
public sealed class CertificateSource(string certFile, string keyFile)
{
    private X509Certificate2? _current;

    public string CertFile { get; } = certFile;

    public string KeyFile { get; } = keyFile;

    public X509Certificate2 Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("no certificate loaded yet");

    /// <summary>Loads the files and swaps the certificate in; on error the previous one stays.</summary>
    public X509Certificate2 Reload()
    {
        var certificate = Load(CertFile, KeyFile);
        Volatile.Write(ref _current, certificate);
        return certificate;
    }

    public static X509Certificate2 Load(string certFile, string keyFile)
    {
        foreach (var file in new[] { certFile, keyFile })
        {
            if (!File.Exists(file))
            {
                throw new CertificateLoadException($"{file}: no such file");
            }
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);

            // A PEM key is ephemeral; a PKCS#12 round trip gives a key TLS can use on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new CertificateLoadException($"{certFile}, {keyFile}: not a PEM certificate and matching private key: {ex.Message}", ex);
        }
    }
}
