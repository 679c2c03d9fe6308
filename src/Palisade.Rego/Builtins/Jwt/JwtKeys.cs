using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Palisade.Rego.Builtins.Crypto;

namespace Palisade.Rego.Builtins.Jwt;

/// <summary>A key to verify or sign with: an RSA or EC key, a shared secret, or an Ed25519 key.</summary>
internal sealed record JwtKey(object Material, string Algorithm = "", string KeyId = "");

/// <summary>An Ed25519 key: the encoded public key, and for a private key its 32-byte seed (a JWK's "d").</summary>
internal sealed record Ed25519Key(byte[] PublicKey, byte[]? Seed = null);

/// <summary>
/// Reading keys as OPA does: a PEM certificate or public key, or a JWK / JWK set (RFC 7517), with OPA's messages.
/// </summary>
internal static class JwtKeys
{
    private const string Ed25519Oid = "1.3.101.112";

    /// <summary>The algorithms OPA knows; JWKs naming any other are skipped.</summary>
    public static readonly HashSet<string> Algorithms = new(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512", "EdDSA",
    };

    /// <summary>OPA's <c>getKeysFromCertOrJWK</c>: PEM if there is a PEM block, else a JWK or JWK set.</summary>
    public static List<JwtKey> FromCertificateOrJwk(string text)
    {
        if (Pem.Decode(text) is { } block)
        {
            if (block.Rest.Length > 0)
            {
                throw new BuiltinException("extra data after a PEM certificate block");
            }

            return block.Type switch
            {
                "CERTIFICATE" => [new JwtKey(FromCertificate(block.Bytes))],
                "PUBLIC KEY" => [new JwtKey(FromPublicKeyInfo(block.Bytes, "failed to parse a PEM public key"))],
                _ => throw new BuiltinException("failed to extract a Key from the PEM certificate"),
            };
        }

        List<JwtKey> keys;
        try
        {
            keys = ParseJwks(text);
        }
        catch (Exception e) when (e is JsonException or FormatException or CryptographicException or InvalidOperationException or BuiltinException)
        {
            throw new BuiltinException($"failed to parse a JWK key (set): {e.Message}");
        }

        return keys.Where(k => k.Algorithm.Length == 0 || Algorithms.Contains(k.Algorithm)).ToList();
    }

    private static object FromCertificate(byte[] der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            return (object?)certificate.GetRSAPublicKey() ?? (object?)certificate.GetECDsaPublicKey()
                ?? (certificate.PublicKey.Oid.Value == Ed25519Oid ? Ed25519PublicKey(certificate.PublicKey, "failed to parse a PEM certificate") : throw new BuiltinException("failed to parse a PEM certificate: x509: unsupported public key"));
        }
        catch (CryptographicException e)
        {
            throw new BuiltinException($"failed to parse a PEM certificate: x509: malformed certificate ({e.Message})");
        }
    }

    public static object FromPublicKeyInfo(byte[] der, string failure)
    {
        try
        {
            var key = PublicKey.CreateFromSubjectPublicKeyInfo(der, out _);
            return key.Oid.Value switch
            {
                "1.2.840.113549.1.1.1" => key.GetRSAPublicKey()!,
                "1.2.840.10045.2.1" => key.GetECDsaPublicKey()!,
                Ed25519Oid => Ed25519PublicKey(key, failure),
                _ => throw new BuiltinException($"{failure}: x509: unknown public key algorithm"),
            };
        }
        catch (CryptographicException e)
        {
            throw new BuiltinException($"{failure}: {e.Message}");
        }
    }

    /// <summary>
    /// An Ed25519 subject public key as Go's x509 package takes it: no algorithm parameters, and exactly 32 bytes.
    /// </summary>
    private static Ed25519Key Ed25519PublicKey(PublicKey key, string failure)
    {
        if (key.EncodedParameters?.RawData is { Length: > 0 })
        {
            throw new BuiltinException($"{failure}: x509: Ed25519 key encoded with illegal parameters");
        }

        var bytes = key.EncodedKeyValue.RawData;
        return bytes.Length == Ed25519.KeySize ? new Ed25519Key(bytes) : throw new BuiltinException($"{failure}: x509: wrong Ed25519 public key size");
    }

    /// <summary>A JWK, or a JWK set under "keys".</summary>
    public static List<JwtKey> ParseJwks(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected a JSON object");
        }

        if (root.TryGetProperty("keys", out var set))
        {
            return set.EnumerateArray().Select(ParseJwk).ToList();
        }

        return [ParseJwk(root)];
    }

    public static JwtKey ParseJwk(JsonElement jwk)
    {
        var kty = Member(jwk, "kty") ?? throw new FormatException("missing \"kty\"");
        object material = kty switch
        {
            "RSA" => RsaKey(jwk),
            "EC" => EcKey(jwk),
            "oct" => Bytes(jwk, "k") ?? throw new FormatException("missing \"k\""),
            "OKP" when Member(jwk, "crv") == "Ed25519" => new Ed25519Key(Bytes(jwk, "x") ?? throw new FormatException("missing \"x\""), Bytes(jwk, "d")),
            _ => throw new FormatException($"invalid key type from JSON ({kty})"),
        };
        return new JwtKey(material, Member(jwk, "alg") ?? "", Member(jwk, "kid") ?? "");
    }

    private static RSA RsaKey(JsonElement jwk)
    {
        var modulus = Bytes(jwk, "n") ?? throw new FormatException("missing \"n\"");
        var parameters = new RSAParameters { Modulus = modulus, Exponent = Bytes(jwk, "e") ?? throw new FormatException("missing \"e\"") };
        if (Bytes(jwk, "d") is { } d)
        {
            // .NET wants the private parts at their full lengths: d as long as n, the CRT values half as long.
            var half = (modulus.Length + 1) / 2;
            parameters.D = Pad(d, modulus.Length);
            parameters.P = Pad(Bytes(jwk, "p") ?? throw new FormatException("missing \"p\""), half);
            parameters.Q = Pad(Bytes(jwk, "q") ?? throw new FormatException("missing \"q\""), half);
            parameters.DP = Pad(Bytes(jwk, "dp") ?? throw new FormatException("missing \"dp\""), half);
            parameters.DQ = Pad(Bytes(jwk, "dq") ?? throw new FormatException("missing \"dq\""), half);
            parameters.InverseQ = Pad(Bytes(jwk, "qi") ?? throw new FormatException("missing \"qi\""), half);
        }

        return RSA.Create(parameters);
    }

    private static ECDsa EcKey(JsonElement jwk)
    {
        var (curve, size) = Member(jwk, "crv") switch
        {
            "P-256" => (ECCurve.NamedCurves.nistP256, 32),
            "P-384" => (ECCurve.NamedCurves.nistP384, 48),
            "P-521" => (ECCurve.NamedCurves.nistP521, 66),
            var other => throw new FormatException($"unsupported curve {other}"),
        };
        var parameters = new ECParameters
        {
            Curve = curve,
            Q = new ECPoint
            {
                X = Pad(Bytes(jwk, "x") ?? throw new FormatException("missing \"x\""), size),
                Y = Pad(Bytes(jwk, "y") ?? throw new FormatException("missing \"y\""), size),
            },
            D = Bytes(jwk, "d") is { } d ? Pad(d, size) : null,
        };
        return ECDsa.Create(parameters);
    }

    private static string? Member(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[]? Bytes(JsonElement jwk, string name) => Member(jwk, name) is { } text ? GoBase64.DecodeUrl(text) : null;

    public static byte[] Pad(byte[] value, int length)
    {
        if (value.Length >= length)
        {
            return value.Length > length && value[0] == 0 ? value[^length..] : value;
        }

        var padded = new byte[length];
        value.CopyTo(padded, length - value.Length);
        return padded;
    }
}
