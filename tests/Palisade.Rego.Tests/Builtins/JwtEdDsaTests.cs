using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

/// <summary>EdDSA (Ed25519) in the JWT builtins: signing with a JWK's "d", verifying with JWKs, SPKI PEM and certificates.</summary>
public sealed class JwtEdDsaTests
{
    // RFC 8037, appendix A: the key of RFC 8032's first test vector.
    private const string X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private const string D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";

    private static readonly string PublicJwk = $"{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"{X}\"}}";
    private static readonly string PrivateJwk = $"{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"{X}\",\"d\":\"{D}\"}}";

    private static byte[] PublicKeyBytes => Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    [Fact]
    public void Rfc8037SignatureVerifiesWithTheJwk()
    {
        // RFC 8037, appendix A.4: "Example of Ed25519 signing" under {"alg":"EdDSA"}.
        const string token = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        Assert.Equal(BooleanValue.True, Call("io.jwt.verify_eddsa", S(token), S(PublicJwk)));
        Assert.Equal(BooleanValue.True, Call("io.jwt.verify_eddsa", S(token), S($"{{\"keys\":[{PublicJwk}]}}")));
        Assert.Equal(BooleanValue.False, Call("io.jwt.verify_eddsa", S(token.Replace(".hgyY", ".hgyZ", StringComparison.Ordinal)), S(PublicJwk)));
        Assert.Equal(BooleanValue.False, Call("io.jwt.verify_eddsa", S(token.Replace(".RXhh", ".RXhi", StringComparison.Ordinal)), S(PublicJwk)));
    }

    [Fact]
    public void EncodeSignRawProducesTheDeterministicSignature()
    {
        // Ed25519 signatures depend only on key and message: this is RFC 8037's A.4 header with a JSON payload.
        var token = ((StringValue)Call("io.jwt.encode_sign_raw", S("{\"alg\":\"EdDSA\"}"), S("{\"sub\":\"x\"}"), S(PrivateJwk))!).Value;
        var again = ((StringValue)Call("io.jwt.encode_sign_raw", S("{\"alg\":\"EdDSA\"}"), S("{\"sub\":\"x\"}"), S(PrivateJwk))!).Value;
        Assert.Equal(token, again);
        Assert.StartsWith("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.", token, StringComparison.Ordinal);
        Assert.Equal(86, token.Split('.')[2].Length);
        Assert.Equal(BooleanValue.True, Call("io.jwt.verify_eddsa", S(token), S(PublicJwk)));
    }

    [Fact]
    public void SignedTokensVerifyWithPemPublicKeysAndCertificates()
    {
        var token = S(((StringValue)Call("io.jwt.encode_sign", J("{\"alg\": \"EdDSA\", \"typ\": \"JWT\"}"), J("{\"iss\": \"me\"}"), J(PrivateJwk))!).Value);
        var spki = PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo(PublicKeyBytes));
        Assert.Equal(BooleanValue.True, Call("io.jwt.verify_eddsa", token, S(spki)));
        Assert.Equal(BooleanValue.True, Call("io.jwt.verify_eddsa", token, S(Ed25519CertificatePem(PublicKeyBytes))));

        var otherKey = (byte[])PublicKeyBytes.Clone();
        otherKey[0] ^= 1;
        Assert.Equal(BooleanValue.False, Call("io.jwt.verify_eddsa", token, S(PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo(otherKey)))));

        // An RS256 check never accepts an Ed25519 key.
        Assert.Equal(BooleanValue.False, Call("io.jwt.verify_rs256", token, S(spki)));
    }

    [Fact]
    public void DecodeVerifyChecksEdDsaSignatures()
    {
        var token = ((StringValue)Call("io.jwt.encode_sign", J("{\"alg\": \"EdDSA\"}"), J("{\"iss\": \"me\"}"), J(PrivateJwk))!).Value;
        var verified = Call("io.jwt.decode_verify", S(token), ObjectValue.Of(("cert", S(PublicJwk)), ("alg", S("EdDSA"))));
        Assert.Equal(J("[true, {\"alg\": \"EdDSA\"}, {\"iss\": \"me\"}]"), verified);

        var parts = token.Split('.');
        var forged = $"{parts[0]}.{GoBase64Url("{\"iss\":\"you\"}")}.{parts[2]}";
        Assert.Equal(J("[false, {}, {}]"), Call("io.jwt.decode_verify", S(forged), ObjectValue.Of(("cert", S(PublicJwk)))));
    }

    [Fact]
    public void MalformedEd25519KeysAreErrors()
    {
        var token = S(((StringValue)Call("io.jwt.encode_sign_raw", S("{\"alg\":\"EdDSA\"}"), S("{}"), S(PrivateJwk))!).Value);
        Fails("io.jwt.verify_eddsa", "failed to parse a PEM public key: x509: wrong Ed25519 public key size", token, S(PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo(PublicKeyBytes[..31]))));
        Fails("io.jwt.encode_sign_raw", "ed25519: bad private key length: 30", S("{\"alg\":\"EdDSA\"}"), S("{}"), S($"{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"{X}\",\"d\":\"{D[..^3]}\"}}"));
        Fails("io.jwt.encode_sign_raw", "invalid key type for algorithm EdDSA", S("{\"alg\":\"EdDSA\"}"), S("{}"), S(PublicJwk));

        // A 32-byte key that is not a curve point (y = 2) verifies nothing.
        var notAPoint = new byte[32];
        notAPoint[0] = 2;
        Assert.Equal(BooleanValue.False, Call("io.jwt.verify_eddsa", token, S(PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo(notAPoint)))));
    }

    private static string GoBase64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SubjectPublicKeyInfo { AlgorithmIdentifier { id-Ed25519 }, BIT STRING key } (RFC 8410).</summary>
    private static byte[] SubjectPublicKeyInfo(byte[] key)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.3.101.112");
            }

            writer.WriteBitString(key);
        }

        return writer.Encode();
    }

    /// <summary>A certificate for an Ed25519 subject key; .NET cannot sign with Ed25519, so an ECDSA issuer signs it.</summary>
    private static string Ed25519CertificatePem(byte[] key)
    {
        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subjectKey = PublicKey.CreateFromSubjectPublicKeyInfo(SubjectPublicKeyInfo(key), out _);
        var name = new X500DistinguishedName("CN=ed25519 test");
        var request = new CertificateRequest(name, subjectKey, HashAlgorithmName.SHA256);
        using var certificate = request.Create(name, X509SignatureGenerator.CreateForECDsa(issuerKey), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [1]);
        return PemEncoding.WriteString("CERTIFICATE", certificate.RawData);
    }
}
