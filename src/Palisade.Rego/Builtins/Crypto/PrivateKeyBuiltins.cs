using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Palisade.Rego.Builtins.Jwt;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Crypto;

/// <summary><c>crypto.x509.parse_rsa_private_key</c>, <c>crypto.parse_private_keys</c> and <c>crypto.x509.parse_keypair</c>.</summary>
internal static class PrivateKeyBuiltins
{
    private static readonly RegoType Json = RegoType.ObjectOf(RegoType.String, RegoType.Any);

    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("crypto.x509.parse_rsa_private_key", FunctionSignature.Of(Json, RegoType.String), ParseRsaPrivateKey),
        new("crypto.parse_private_keys", FunctionSignature.Of(RegoType.ArrayOf(Json), RegoType.String), ParsePrivateKeys),
        new("crypto.x509.parse_keypair", FunctionSignature.Of(Json, RegoType.String, RegoType.String), ParseKeyPair),
    ];

    /// <summary>The RSA private key as a JWK (RFC 7517), as OPA returns it.</summary>
    private static Value ParseRsaPrivateKey(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var input = Operands.String(arguments, 0).Value;
        if (input.Length == 0)
        {
            throw new BuiltinException("input PEM data was empty");
        }

        var keys = PrivateKeys(Encoding.UTF8.GetString(X509Input.Bytes(input)));
        if (keys.Count == 0)
        {
            return NullValue.Instance;
        }

        using var rsa = keys[0] as RSA ?? throw new BuiltinException("x509: failed to parse private key");
        var p = rsa.ExportParameters(true);
        return ObjectValue.Of(
            ("kty", StringValue.Of("RSA")),
            ("n", Url(p.Modulus!)), ("e", Url(p.Exponent!)), ("d", Url(p.D!)),
            ("p", Url(p.P!)), ("q", Url(p.Q!)), ("dp", Url(p.DP!)), ("dq", Url(p.DQ!)), ("qi", Url(p.InverseQ!)));
    }

    /// <summary>Every private key in PEM input (or base64 of it); "" is null, input without keys an empty list.</summary>
    private static Value ParsePrivateKeys(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var input = Operands.String(arguments, 0).Value;
        if (input.Length == 0)
        {
            return NullValue.Instance;
        }

        var keys = PrivateKeys(input);
        var result = ArrayValue.Of(keys.Select(GoPrivateKey));
        keys.ForEach(k => k.Dispose());
        return result;
    }

    /// <summary>The private keys of the PEM blocks in the input (base64 of PEM is accepted too).</summary>
    private static List<AsymmetricAlgorithm> PrivateKeys(string input)
    {
        var text = input;
        try
        {
            text = Encoding.UTF8.GetString(GoBase64.DecodeStd(input));
        }
        catch (BuiltinException)
        {
            // Not base64: PEM as given.
        }

        var keys = new List<AsymmetricAlgorithm>();
        for (var block = Pem.Decode(text); block is not null; block = Pem.Decode(block.Rest))
        {
            if (block.Type is "RSA PRIVATE KEY" or "EC PRIVATE KEY" or "PRIVATE KEY")
            {
                keys.Add(LoadPrivateKey(block));
            }
        }

        return keys;
    }

    /// <summary>Go's <c>tls.Certificate</c>: the chain's DER, the private key, and the parsed leaf.</summary>
    private static Value ParseKeyPair(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var certificates = X509Input.Certificates(Operands.String(arguments, 0).Value);
        var keyBytes = X509Input.Bytes((arguments[1] as StringValue ?? throw Operands.Mismatch(0, "string", arguments[1])).Value);
        var block = Pem.Decode(Encoding.UTF8.GetString(keyBytes)) ?? throw new BuiltinException("tls: failed to find any PEM data in key input");
        using var key = LoadPrivateKey(block);
        if (certificates.Count == 0)
        {
            throw new BuiltinException("tls: failed to find any PEM data in certificate input");
        }

        var leaf = certificates[0];
        var matches = key switch
        {
            RSA rsa => leaf.GetRSAPublicKey()?.ExportParameters(false).Modulus?.AsSpan().SequenceEqual(rsa.ExportParameters(false).Modulus) ?? false,
            ECDsa ecdsa => leaf.GetECDsaPublicKey()?.ExportParameters(false).Q.X?.AsSpan().SequenceEqual(ecdsa.ExportParameters(false).Q.X) ?? false,
            _ => false,
        };
        if (!matches)
        {
            throw new BuiltinException("tls: private key does not match public key");
        }

        return ObjectValue.Of(
            ("Certificate", ArrayValue.Of(certificates.Select(c => CertificateJson.Base64(c.RawData)))),
            ("PrivateKey", GoPrivateKey(key)),
            ("SupportedSignatureAlgorithms", NullValue.Instance),
            ("OCSPStaple", NullValue.Instance),
            ("SignedCertificateTimestamps", NullValue.Instance),
            ("Leaf", CertificateJson.Certificate(leaf)));
    }

    private static AsymmetricAlgorithm LoadPrivateKey(Pem.Block block)
    {
        try
        {
            switch (block.Type)
            {
                case "RSA PRIVATE KEY":
                    var rsa = RSA.Create();
                    rsa.ImportRSAPrivateKey(block.Bytes, out _);
                    return rsa;
                case "EC PRIVATE KEY":
                    var ec = ECDsa.Create();
                    ec.ImportECPrivateKey(block.Bytes, out _);
                    return ec;
                default:
                    // PKCS #8 names its algorithm inside.
                    var info = Pkcs8Algorithm(block.Bytes);
                    AsymmetricAlgorithm key = info == "1.2.840.10045.2.1" ? ECDsa.Create() : RSA.Create();
                    key.ImportPkcs8PrivateKey(block.Bytes, out _);
                    return key;
            }
        }
        catch (CryptographicException e)
        {
            throw new BuiltinException($"x509: failed to parse private key: {e.Message}");
        }
    }

    private static string Pkcs8Algorithm(byte[] der)
    {
        var sequence = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        sequence.ReadInteger();
        return sequence.ReadSequence().ReadObjectIdentifier();
    }

    /// <summary>Go's key structs marshalled: RSA as {N, E, D, Primes, Precomputed}, ECDSA as {Curve, X, Y, D}.</summary>
    private static Value GoPrivateKey(AsymmetricAlgorithm key)
    {
        switch (key)
        {
            case RSA rsa:
                var p = rsa.ExportParameters(true);
                return ObjectValue.Of(
                    ("N", CertificateJson.Unsigned(p.Modulus!)),
                    ("E", CertificateJson.Unsigned(p.Exponent!)),
                    ("D", CertificateJson.Unsigned(p.D!)),
                    ("Primes", ArrayValue.Of(CertificateJson.Unsigned(p.P!), CertificateJson.Unsigned(p.Q!))),
                    ("Precomputed", ObjectValue.Of(
                        ("Dp", CertificateJson.Unsigned(p.DP!)),
                        ("Dq", CertificateJson.Unsigned(p.DQ!)),
                        ("Qinv", CertificateJson.Unsigned(p.InverseQ!)),
                        ("CRTValues", NullValue.Instance))));
            case ECDsa ecdsa:
                var e = ecdsa.ExportParameters(true);
                return ObjectValue.Of(
                    ("Curve", ObjectValue.Empty),
                    ("X", CertificateJson.Unsigned(e.Q.X!)),
                    ("Y", CertificateJson.Unsigned(e.Q.Y!)),
                    ("D", CertificateJson.Unsigned(e.D!)));
            default:
                return ObjectValue.Empty;
        }
    }

    private static StringValue Url(byte[] bytes) => StringValue.Of(GoBase64.EncodeUrl(bytes));
}
