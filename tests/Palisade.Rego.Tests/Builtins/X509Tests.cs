using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

public sealed class X509Tests
{
    private static X509Certificate2 SelfSigned(string subject, params string[] dnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        names.AddUri(new Uri("spiffe://example.com/opa"));
        names.AddIpAddress(System.Net.IPAddress.Parse("10.0.0.1"));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 2, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static Value Field(Value certificate, string name) => ((ObjectValue)certificate).TryGetValue(name, out var value) ? value : NullValue.Instance;

    [Fact]
    public void CertificatesComeOutAsGoMarshalsThem()
    {
        using var certificate = SelfSigned("CN=example.com, O=Example, C=NL", "example.com", "www.example.com");
        var parsed = ((ArrayValue)Call("crypto.x509.parse_certificates", S(certificate.ExportCertificatePem()))!)[0];

        Assert.Equal(S("example.com"), Field(Field(parsed, "Subject"), "CommonName"));
        Assert.Equal(J("[\"Example\"]"), Field(Field(parsed, "Subject"), "Organization"));
        Assert.Equal(J("[\"NL\"]"), Field(Field(parsed, "Subject"), "Country"));
        Assert.Equal(J("[\"example.com\", \"www.example.com\"]"), Field(parsed, "DNSNames"));
        Assert.Equal(J("[\"spiffe://example.com/opa\"]"), Field(parsed, "URIStrings"));
        Assert.Equal(J("[\"10.0.0.1\"]"), Field(parsed, "IPAddresses"));
        Assert.Equal(NullValue.Instance, Field(parsed, "EmailAddresses"));
        Assert.Equal(BooleanValue.True, Field(parsed, "IsCA"));
        Assert.Equal(N(2), Field(parsed, "MaxPathLen"));
        Assert.Equal(N(3), Field(parsed, "PublicKeyAlgorithm"));
        Assert.Equal(N(10), Field(parsed, "SignatureAlgorithm"));
        Assert.Equal(N(3), Field(parsed, "Version"));
        Assert.Equal(S(Convert.ToBase64String(certificate.RawData)), Field(parsed, "Raw"));
        Assert.Equal(S(Convert.ToBase64String(certificate.SubjectName.RawData)), Field(parsed, "RawSubject"));
    }

    [Fact]
    public void InputMayBeBase64OfDerOrPem()
    {
        using var certificate = SelfSigned("CN=a");
        var der = Call("crypto.x509.parse_certificates", S(Convert.ToBase64String(certificate.RawData)));
        var pem = Call("crypto.x509.parse_certificates", S(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(certificate.ExportCertificatePem()))));
        Assert.Equal(der, pem);
        Fails("crypto.x509.parse_certificates", "illegal base64 data at input byte 4", S("foobar"));
        Fails("crypto.x509.parse_certificates", "x509: malformed certificate", S("YmFkc3RyaW5n"));
    }

    [Fact]
    public void ASingleCertificateDoesNotVerify()
    {
        using var certificate = SelfSigned("CN=a");
        Assert.Equal(J("[false, []]"), Call("crypto.x509.parse_and_verify_certificates", S(certificate.ExportCertificatePem())));
    }

    [Fact]
    public void VerifyOptionsAreChecked()
    {
        using var certificate = SelfSigned("CN=a");
        var pem = S(certificate.ExportCertificatePem() + "\n" + certificate.ExportCertificatePem());
        Fails("crypto.x509.parse_and_verify_certificates_with_options", "invalid key option", pem, J("{\"Foo\": 1}"));
        Fails("crypto.x509.parse_and_verify_certificates_with_options", "invalid entries for 'KeyUsages' found: [Bogus]", pem, J("{\"KeyUsages\": [\"Bogus\"]}"));
    }

    [Fact]
    public void RsaPrivateKeysBecomeJwks()
    {
        using var rsa = RSA.Create(2048);
        var jwk = (ObjectValue)Call("crypto.x509.parse_rsa_private_key", S(rsa.ExportRSAPrivateKeyPem()))!;
        Assert.Equal(S("RSA"), Field(jwk, "kty"));
        Assert.Equal(S("AQAB"), Field(jwk, "e"));
        Assert.Equal(1, ((ArrayValue)Call("crypto.parse_private_keys", S(rsa.ExportPkcs8PrivateKeyPem()))!).Count);
        Assert.Equal(NullValue.Instance, Call("crypto.parse_private_keys", S("")));
        Assert.Equal(ArrayValue.Empty, Call("crypto.parse_private_keys", S("nope")));
    }
}
