using static Palisade.Cli.Tests.CliRunner;

namespace Palisade.Cli.Tests;

/// <summary><c>palisade webhook</c>'s inventory flags refuse what they cannot use before anything listens, in one line.</summary>
public sealed class WebhookInventoryFlagsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-webhook-flags-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Sync_without_an_inventory_kubeconfig_is_an_error()
    {
        var (exit, _, stderr) = Run("webhook", "--templates", _dir, "--tls-cert", "c", "--tls-key", "k", "--sync", "v1/Namespace");
        Assert.Equal(1, exit);
        Assert.Equal("webhook: --sync needs --inventory-kubeconfig: the kinds are read from that cluster\n", stderr);
    }

    [Fact]
    public void A_sync_kind_that_is_not_group_version_kind_is_an_error()
    {
        var (exit, _, stderr) = Run("webhook", "--templates", _dir, "--tls-cert", "c", "--tls-key", "k", "--inventory-kubeconfig", "kc", "--sync", "Ingress");
        Assert.Equal(1, exit);
        Assert.StartsWith("webhook: --sync Ingress: not group/version/Kind", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_kubeconfig_is_named_in_one_line()
    {
        // A serving certificate that loads, so the start gets as far as the kubeconfig.
        var cert = Path.Combine(_dir, "tls.crt");
        var key = Path.Combine(_dir, "tls.key");
        WriteSelfSigned(cert, key);
        var kubeconfig = Path.Combine(_dir, "absent-kubeconfig");
        var (exit, _, stderr) = Run("webhook", "--templates", _dir, "--tls-cert", cert, "--tls-key", key, "--addr", "127.0.0.1:0", "--inventory-kubeconfig", kubeconfig, "--sync", "v1/Namespace");
        Assert.Equal(1, exit);
        Assert.StartsWith($"webhook: --inventory-kubeconfig {kubeconfig}: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    private static void WriteSelfSigned(string certFile, string keyFile)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem());
    }
}
