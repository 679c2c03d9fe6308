using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Crypto;

/// <summary><c>crypto.x509.*</c>: parsing certificates and requests, and verifying chains.</summary>
internal static class X509Builtins
{
    private static readonly RegoType Json = RegoType.ObjectOf(RegoType.String, RegoType.Any);

    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("crypto.x509.parse_certificates", FunctionSignature.Of(RegoType.ArrayOf(Json), RegoType.String), ParseCertificates),
        new("crypto.x509.parse_and_verify_certificates", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), RegoType.String), ParseAndVerify),
        new("crypto.x509.parse_and_verify_certificates_with_options", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), RegoType.String, Json), ParseAndVerifyWithOptions),
        new("crypto.x509.parse_certificate_request", FunctionSignature.Of(Json, RegoType.String), ParseCertificateRequest),
    ];

    private static Value ParseCertificates(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var certificates = X509Input.Certificates(Operands.String(arguments, 0).Value);
        return ArrayValue.Of(certificates.Select(c => (Value)CertificateJson.Certificate(c)));
    }

    private static Value ParseAndVerify(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        Verify(context, Operands.String(arguments, 0).Value, ObjectValue.Empty);

    private static Value ParseAndVerifyWithOptions(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        Verify(context, Operands.String(arguments, 0).Value, Operands.Object(arguments, 1));

    /// <summary>
    /// [valid, chain]: the first certificate is the trusted root, the last the leaf, those between intermediates.
    /// The chain comes back leaf first. A chain that does not verify gives [false, []].
    /// </summary>
    private static Value Verify(BuiltinContext context, string input, ObjectValue options)
    {
        var invalid = ArrayValue.Of(BooleanValue.False, ArrayValue.Empty);
        List<X509Certificate2> certificates;
        try
        {
            certificates = X509Input.Certificates(input);
        }
        catch (BuiltinException)
        {
            return invalid;
        }

        if (certificates.Count < 2)
        {
            return invalid;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificates[0]);
        chain.ChainPolicy.ExtraStore.AddRange(certificates.Skip(1).SkipLast(1).ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = context.Now.UtcDateTime;
        if (!ApplyOptions(chain.ChainPolicy, options))
        {
            // Go assumes server authentication when no key usages are asked for.
            chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1"));
        }

        if (!chain.Build(certificates[^1]))
        {
            return invalid;
        }

        return ArrayValue.Of(BooleanValue.True, ArrayValue.Of(chain.ChainElements.Select(e => (Value)CertificateJson.Certificate(e.Certificate))));
    }

    /// <summary>
    /// The options of Go's <c>x509.VerifyOptions</c> OPA accepts, applied to .NET's chain policy; true when key usages
    /// were given. DNSName and MaxConstraintComparisons are checked but .NET's chain has no equivalent.
    /// </summary>
    private static bool ApplyOptions(X509ChainPolicy policy, ObjectValue options)
    {
        var keyUsagesGiven = false;
        foreach (var (key, value) in options.Entries)
        {
            if (key is not StringValue name)
            {
                continue;
            }

            switch (name.Value)
            {
                case "DNSName":
                    _ = value as StringValue ?? throw new BuiltinException("'DNSName' should be a string");
                    break;
                case "CurrentTime":
                    var nanos = value as NumberValue ?? throw new BuiltinException("'CurrentTime' should be a number");
                    policy.VerificationTime = nanos.TryGetInt64(out var ns)
                        ? DateTimeOffset.UnixEpoch.AddTicks(ns / 100).UtcDateTime
                        : throw new BuiltinException("'CurrentTime' should be a valid int64 number");
                    break;
                case "MaxConstraintComparisons":
                    var max = value as NumberValue ?? throw new BuiltinException("'MaxConstraintComparisons' should be a number");
                    _ = max.TryGetInt64(out _) ? 0 : throw new BuiltinException("'MaxConstraintComparisons' should be a valid number");
                    break;
                case "KeyUsages":
                    var usages = value switch
                    {
                        ArrayValue a => a.Items.ToArray(),
                        SetValue s => s.Items.ToArray(),
                        _ => throw new BuiltinException("'KeyUsages' should be an Array or Set"),
                    };
                    var unknown = new List<string>();
                    foreach (var usage in usages.OfType<StringValue>().Select(u => u.Value.Trim('"')))
                    {
                        if (!KeyUsageOids.TryGetValue(usage, out var oid))
                        {
                            unknown.Add(usage);
                        }
                        else if (oid.Length > 0)
                        {
                            policy.ApplicationPolicy.Add(new Oid(oid));
                        }
                    }

                    if (unknown.Count > 0)
                    {
                        throw new BuiltinException($"invalid entries for 'KeyUsages' found: [{string.Join(" ", unknown)}]");
                    }

                    keyUsagesGiven = true;
                    break;
                default:
                    throw new BuiltinException("invalid key option");
            }
        }

        return keyUsagesGiven;
    }

    /// <summary>OPA's key usage names; "any" (empty here) lifts the check.</summary>
    private static readonly Dictionary<string, string> KeyUsageOids = new(StringComparer.Ordinal)
    {
        ["KeyUsageAny"] = "",
        ["KeyUsageServerAuth"] = "1.3.6.1.5.5.7.3.1",
        ["KeyUsageClientAuth"] = "1.3.6.1.5.5.7.3.2",
        ["KeyUsageCodeSigning"] = "1.3.6.1.5.5.7.3.3",
        ["KeyUsageEmailProtection"] = "1.3.6.1.5.5.7.3.4",
        ["KeyUsageIPSECEndSystem"] = "1.3.6.1.5.5.7.3.5",
        ["KeyUsageIPSECTunnel"] = "1.3.6.1.5.5.7.3.6",
        ["KeyUsageIPSECUser"] = "1.3.6.1.5.5.7.3.7",
        ["KeyUsageTimeStamping"] = "1.3.6.1.5.5.7.3.8",
        ["KeyUsageOCSPSigning"] = "1.3.6.1.5.5.7.3.9",
        ["KeyUsageMicrosoftServerGatedCrypto"] = "1.3.6.1.4.1.311.10.3.3",
        ["KeyUsageNetscapeServerGatedCrypto"] = "2.16.840.1.113730.4.1",
        ["KeyUsageMicrosoftCommercialCodeSigning"] = "1.3.6.1.4.1.311.2.1.22",
        ["KeyUsageMicrosoftKernelCodeSigning"] = "1.3.6.1.4.1.311.61.1.1",
    };

    /// <summary>Go's <c>x509.CertificateRequest</c> as JSON, from PEM or base64 DER.</summary>
    private static Value ParseCertificateRequest(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var input = Operands.String(arguments, 0).Value;
        var bytes = input.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetBytes(input)
            : Jwt.GoBase64.DecodeStd(input);
        if (Jwt.Pem.Decode(System.Text.Encoding.UTF8.GetString(bytes)) is { } block)
        {
            bytes = block.Type == "CERTIFICATE REQUEST" ? block.Bytes : throw new BuiltinException("invalid PEM-encoded certificate signing request");
        }

        CertificateRequest request;
        try
        {
            request = CertificateRequest.LoadSigningRequest(bytes, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            throw new BuiltinException($"asn1: structure error: {e.Message}");
        }

        var extensions = request.CertificateExtensions.ToList();
        var names = CertificateJson.SubjectAlternativeNames(extensions);
        return ObjectValue.Of(
            ("Raw", CertificateJson.Base64(bytes)),
            ("Version", NumberValue.Zero),
            ("PublicKeyAlgorithm", NumberValue.Of(CertificateJson.GoPublicKeyAlgorithm(request.PublicKey.Oid.Value))),
            ("PublicKey", CertificateJson.PublicKey(request.PublicKey)),
            ("Subject", CertificateJson.Name(request.SubjectName)),
            ("Extensions", CertificateJson.Extensions(extensions)),
            ("ExtraExtensions", NullValue.Instance),
            ("DNSNames", CertificateJson.Strings(names.Dns)),
            ("EmailAddresses", CertificateJson.Strings(names.Email)),
            ("IPAddresses", CertificateJson.Strings(names.Ip)),
            ("URIs", CertificateJson.Strings(names.Uri)));
    }
}
