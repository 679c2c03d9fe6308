using System.Formats.Asn1;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Crypto;

/// <summary>
/// Certificates as OPA returns them: Go's <c>x509.Certificate</c> marshalled to JSON (field names as Go's, byte
/// slices as base64, big integers as numbers, absent lists as null), plus OPA's <c>URIStrings</c>.
/// </summary>
internal static class CertificateJson
{
    public static ObjectValue Certificate(X509Certificate2 certificate)
    {
        var extensions = certificate.Extensions.Cast<X509Extension>().ToList();
        var names = SubjectAlternativeNames(extensions);
        var basic = extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        var keyUsage = extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        var extendedKeyUsage = extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        var subjectKeyId = extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault();
        var authorityKeyId = extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault();
        var (signatureAlgorithm, signature) = SignatureOf(certificate.RawData);
        var raw = RawParts(certificate.RawData);

        return ObjectValue.Of(
            ("Raw", Base64(certificate.RawData)),
            ("RawTBSCertificate", Base64(raw.Tbs)),
            ("RawSubjectPublicKeyInfo", Base64(raw.SubjectPublicKeyInfo)),
            ("RawSubject", Base64(raw.Subject)),
            ("RawIssuer", Base64(raw.Issuer)),
            ("Signature", Base64(signature)),
            ("SignatureAlgorithm", NumberValue.Of(GoSignatureAlgorithm(certificate.SignatureAlgorithm.Value ?? signatureAlgorithm))),
            ("PublicKeyAlgorithm", NumberValue.Of(GoPublicKeyAlgorithm(certificate.PublicKey.Oid.Value))),
            ("PublicKey", PublicKey(certificate.PublicKey)),
            ("Version", NumberValue.Of(certificate.Version)),
            ("SerialNumber", NumberValue.Of(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true))),
            ("Issuer", Name(certificate.IssuerName)),
            ("Subject", Name(certificate.SubjectName)),
            ("NotBefore", StringValue.Of(Rfc3339(certificate.NotBefore))),
            ("NotAfter", StringValue.Of(Rfc3339(certificate.NotAfter))),
            ("KeyUsage", NumberValue.Of(keyUsage is null ? 0 : GoKeyUsage(keyUsage.KeyUsages))),
            ("Extensions", Extensions(extensions)),
            ("ExtraExtensions", NullValue.Instance),
            ("UnhandledCriticalExtensions", NullValue.Instance),
            ("ExtKeyUsage", extendedKeyUsage is null ? NullValue.Instance : ArrayValue.Of(extendedKeyUsage.EnhancedKeyUsages.Cast<Oid>().Select(o => (Value)NumberValue.Of(GoExtKeyUsage(o.Value))))),
            ("UnknownExtKeyUsage", NullValue.Instance),
            ("BasicConstraintsValid", BooleanValue.Of(basic is not null)),
            ("IsCA", BooleanValue.Of(basic?.CertificateAuthority ?? false)),
            ("MaxPathLen", NumberValue.Of(basic is null ? 0 : basic.HasPathLengthConstraint ? basic.PathLengthConstraint : -1)),
            ("MaxPathLenZero", BooleanValue.Of(basic is { HasPathLengthConstraint: true, PathLengthConstraint: 0 })),
            ("SubjectKeyId", subjectKeyId?.SubjectKeyIdentifierBytes is { } ski ? Base64(ski.Span) : NullValue.Instance),
            ("AuthorityKeyId", authorityKeyId?.KeyIdentifier is { } aki ? Base64(aki.Span) : NullValue.Instance),
            ("OCSPServer", NullValue.Instance),
            ("IssuingCertificateURL", NullValue.Instance),
            ("DNSNames", Strings(names.Dns)),
            ("EmailAddresses", Strings(names.Email)),
            ("IPAddresses", Strings(names.Ip)),
            ("URIs", names.Uri.Count == 0 ? NullValue.Instance : ArrayValue.Of(names.Uri.Select(u => (Value)ObjectValue.Empty))),
            ("URIStrings", Strings(names.Uri)),
            ("PermittedDNSDomainsCritical", BooleanValue.False),
            ("PermittedDNSDomains", NullValue.Instance),
            ("ExcludedDNSDomains", NullValue.Instance),
            ("PermittedIPRanges", NullValue.Instance),
            ("ExcludedIPRanges", NullValue.Instance),
            ("PermittedEmailAddresses", NullValue.Instance),
            ("ExcludedEmailAddresses", NullValue.Instance),
            ("PermittedURIDomains", NullValue.Instance),
            ("ExcludedURIDomains", NullValue.Instance),
            ("CRLDistributionPoints", NullValue.Instance),
            ("PolicyIdentifiers", NullValue.Instance));
    }

    public static Value Base64(ReadOnlySpan<byte> bytes) => StringValue.Of(Convert.ToBase64String(bytes));

    public static Value Strings(List<string> items) => items.Count == 0 ? NullValue.Instance : ArrayValue.Of(items.Select(s => (Value)StringValue.Of(s)));

    /// <summary>Go's <c>pkix.Name</c>: the well-known attributes by name, and every attribute in <c>Names</c>.</summary>
    public static ObjectValue Name(X500DistinguishedName name)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string commonName = "", serialNumber = "";
        var all = new List<Value>();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements)
            {
                continue;
            }

            var oid = rdn.GetSingleElementType().Value ?? "";
            var value = rdn.GetSingleElementValue() ?? "";
            all.Add(ObjectValue.Of(
                ("Type", ArrayValue.Of(oid.Split('.').Select(p => (Value)NumberValue.Of(long.Parse(p, CultureInfo.InvariantCulture))))),
                ("Value", StringValue.Of(value))));
            var field = oid switch
            {
                "2.5.4.6" => "Country",
                "2.5.4.10" => "Organization",
                "2.5.4.11" => "OrganizationalUnit",
                "2.5.4.7" => "Locality",
                "2.5.4.8" => "Province",
                "2.5.4.9" => "StreetAddress",
                "2.5.4.17" => "PostalCode",
                _ => null,
            };
            if (field is not null)
            {
                (fields.TryGetValue(field, out var list) ? list : fields[field] = []).Add(value);
            }
            else if (oid == "2.5.4.3")
            {
                commonName = value;
            }
            else if (oid == "2.5.4.5")
            {
                serialNumber = value;
            }
        }

        Value Field(string key) => fields.TryGetValue(key, out var list) ? Strings(list) : NullValue.Instance;
        return ObjectValue.Of(
            ("Country", Field("Country")),
            ("Organization", Field("Organization")),
            ("OrganizationalUnit", Field("OrganizationalUnit")),
            ("Locality", Field("Locality")),
            ("Province", Field("Province")),
            ("StreetAddress", Field("StreetAddress")),
            ("PostalCode", Field("PostalCode")),
            ("SerialNumber", StringValue.Of(serialNumber)),
            ("CommonName", StringValue.Of(commonName)),
            ("Names", all.Count == 0 ? NullValue.Instance : ArrayValue.Of(all)),
            ("ExtraNames", NullValue.Instance));
    }

    public static Value Extensions(List<X509Extension> extensions) => extensions.Count == 0
        ? NullValue.Instance
        : ArrayValue.Of(extensions.Select(e => (Value)ObjectValue.Of(
            ("Id", ArrayValue.Of((e.Oid?.Value ?? "").Split('.').Select(p => (Value)NumberValue.Of(long.Parse(p, CultureInfo.InvariantCulture))))),
            ("Critical", BooleanValue.Of(e.Critical)),
            ("Value", Base64(e.RawData)))));

    /// <summary>Go's public key structs: RSA as {N, E}, ECDSA as {Curve, X, Y}.</summary>
    public static Value PublicKey(PublicKey key)
    {
        if (key.GetRSAPublicKey() is { } rsa)
        {
            var p = rsa.ExportParameters(false);
            return ObjectValue.Of(("N", Unsigned(p.Modulus!)), ("E", Unsigned(p.Exponent!)));
        }

        if (key.GetECDsaPublicKey() is { } ecdsa)
        {
            var p = ecdsa.ExportParameters(false);
            return ObjectValue.Of(("Curve", ObjectValue.Empty), ("X", Unsigned(p.Q.X!)), ("Y", Unsigned(p.Q.Y!)));
        }

        return Base64(key.EncodedKeyValue.RawData);
    }

    public static NumberValue Unsigned(byte[] bytes) => NumberValue.Of(new BigInteger(bytes, isUnsigned: true, isBigEndian: true));

    public sealed record AlternativeNames(List<string> Dns, List<string> Email, List<string> Ip, List<string> Uri);

    /// <summary>The subject alternative names, read from the extension's GeneralNames (RFC 5280 4.2.1.6).</summary>
    public static AlternativeNames SubjectAlternativeNames(IEnumerable<X509Extension> extensions)
    {
        var names = new AlternativeNames([], [], [], []);
        var san = extensions.FirstOrDefault(e => e.Oid?.Value == "2.5.29.17");
        if (san is null)
        {
            return names;
        }

        var sequence = new AsnReader(san.RawData, AsnEncodingRules.DER).ReadSequence();
        while (sequence.HasData)
        {
            var tag = sequence.PeekTag();
            if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue is not (1 or 2 or 6 or 7))
            {
                sequence.ReadEncodedValue();
                continue;
            }

            var bytes = sequence.ReadOctetString(tag);
            switch (tag.TagValue)
            {
                case 1:
                    names.Email.Add(System.Text.Encoding.ASCII.GetString(bytes));
                    break;
                case 2:
                    names.Dns.Add(System.Text.Encoding.ASCII.GetString(bytes));
                    break;
                case 6:
                    names.Uri.Add(System.Text.Encoding.ASCII.GetString(bytes));
                    break;
                default:
                    names.Ip.Add(new IPAddress(bytes).ToString());
                    break;
            }
        }

        return names;
    }

    private sealed record RawCertificateParts(byte[] Tbs, byte[] Issuer, byte[] Subject, byte[] SubjectPublicKeyInfo);

    /// <summary>The DER of the certificate's parts Go keeps as Raw* fields (RFC 5280 4.1).</summary>
    private static RawCertificateParts RawParts(byte[] der)
    {
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = certificate.ReadEncodedValue().ToArray();
        var fields = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
        if (fields.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        {
            fields.ReadEncodedValue();
        }

        fields.ReadEncodedValue();
        fields.ReadEncodedValue();
        var issuer = fields.ReadEncodedValue().ToArray();
        fields.ReadEncodedValue();
        var subject = fields.ReadEncodedValue().ToArray();
        var publicKeyInfo = fields.ReadEncodedValue().ToArray();
        return new RawCertificateParts(tbs, issuer, subject, publicKeyInfo);
    }

    private static (string Algorithm, byte[] Signature) SignatureOf(byte[] der)
    {
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        certificate.ReadEncodedValue();
        var algorithm = certificate.ReadSequence().ReadObjectIdentifier();
        return (algorithm, certificate.ReadBitString(out _));
    }

    public static string Rfc3339(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Go's <c>x509.SignatureAlgorithm</c> numbering.</summary>
    public static int GoSignatureAlgorithm(string? oid) => oid switch
    {
        "1.2.840.113549.1.1.2" => 1,
        "1.2.840.113549.1.1.4" => 2,
        "1.2.840.113549.1.1.5" => 3,
        "1.2.840.113549.1.1.11" => 4,
        "1.2.840.113549.1.1.12" => 5,
        "1.2.840.113549.1.1.13" => 6,
        "1.2.840.10040.4.3" => 7,
        "2.16.840.1.101.3.4.3.2" => 8,
        "1.2.840.10045.4.1" => 9,
        "1.2.840.10045.4.3.2" => 10,
        "1.2.840.10045.4.3.3" => 11,
        "1.2.840.10045.4.3.4" => 12,
        "1.2.840.113549.1.1.10" => 13,
        "1.3.101.112" => 16,
        _ => 0,
    };

    public static int GoPublicKeyAlgorithm(string? oid) => oid switch
    {
        "1.2.840.113549.1.1.1" => 1,
        "1.2.840.10040.4.1" => 2,
        "1.2.840.10045.2.1" => 3,
        "1.3.101.112" => 4,
        _ => 0,
    };

    /// <summary>Go numbers key usages from bit 0 = digitalSignature, the reverse of .NET's flag values.</summary>
    private static int GoKeyUsage(X509KeyUsageFlags flags)
    {
        (X509KeyUsageFlags Flag, int Bit)[] bits =
        [
            (X509KeyUsageFlags.DigitalSignature, 0), (X509KeyUsageFlags.NonRepudiation, 1), (X509KeyUsageFlags.KeyEncipherment, 2),
            (X509KeyUsageFlags.DataEncipherment, 3), (X509KeyUsageFlags.KeyAgreement, 4), (X509KeyUsageFlags.KeyCertSign, 5),
            (X509KeyUsageFlags.CrlSign, 6), (X509KeyUsageFlags.EncipherOnly, 7), (X509KeyUsageFlags.DecipherOnly, 8),
        ];
        return bits.Where(b => flags.HasFlag(b.Flag)).Sum(b => 1 << b.Bit);
    }

    private static int GoExtKeyUsage(string? oid) => oid switch
    {
        "2.5.29.37.0" => 0,
        "1.3.6.1.5.5.7.3.1" => 1,
        "1.3.6.1.5.5.7.3.2" => 2,
        "1.3.6.1.5.5.7.3.3" => 3,
        "1.3.6.1.5.5.7.3.4" => 4,
        "1.3.6.1.5.5.7.3.5" => 5,
        "1.3.6.1.5.5.7.3.6" => 6,
        "1.3.6.1.5.5.7.3.7" => 7,
        "1.3.6.1.5.5.7.3.8" => 8,
        "1.3.6.1.5.5.7.3.9" => 9,
        _ => -1,
    };
}
