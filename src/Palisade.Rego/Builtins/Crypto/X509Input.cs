using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Palisade.Rego.Builtins.Jwt;

namespace Palisade.Rego.Builtins.Crypto;

/// <summary>How OPA's x509 builtins read their input: PEM text, or base64 of PEM or of (concatenated) DER.</summary>
internal static class X509Input
{
    /// <summary>PEM as given, anything else base64-decoded (Go's strict padded decoding and messages).</summary>
    public static byte[] Bytes(string input) =>
        input.StartsWith("-----BEGIN", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(input) : GoBase64.DecodeStd(input);

    /// <summary>The DER of every certificate: all CERTIFICATE blocks of PEM input, or the DER input itself.</summary>
    public static List<X509Certificate2> Certificates(string input)
    {
        var bytes = Bytes(input);
        var der = bytes.AsSpan().StartsWith("-----BEGIN"u8) ? DerOfCertificateBlocks(bytes) : bytes;
        var certificates = new List<X509Certificate2>();
        try
        {
            // DER certificates may simply be concatenated, as Go's x509.ParseCertificates reads them.
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            while (reader.HasData)
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(reader.ReadEncodedValue().Span));
            }
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            throw new BuiltinException("x509: malformed certificate");
        }

        return certificates;
    }

    /// <summary>The concatenated DER of the PEM blocks, which must all be certificates.</summary>
    private static byte[] DerOfCertificateBlocks(byte[] bytes)
    {
        var der = new List<byte>();
        for (var block = Pem.Decode(Encoding.UTF8.GetString(bytes)); block is not null; block = Pem.Decode(block.Rest))
        {
            if (block.Type != "CERTIFICATE")
            {
                throw new BuiltinException($"PEM block type is '{block.Type}', expected CERTIFICATE");
            }

            der.AddRange(block.Bytes);
        }

        return [.. der];
    }
}
