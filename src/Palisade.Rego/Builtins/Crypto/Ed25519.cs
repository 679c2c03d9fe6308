using System.Numerics;
using System.Security.Cryptography;

namespace Palisade.Rego.Builtins.Crypto;

/// <summary>
/// Ed25519 (RFC 8032, PureEdDSA), which .NET's cryptography lacks. Keys are the 32-byte seed and the 32-byte encoded
/// public key; signatures are 64 bytes, R then S. The arithmetic is not constant-time: it signs with keys that a
/// policy holds in its own text, where there is no secret to leak through timing.
/// </summary>
internal static class Ed25519
{
    public const int KeySize = 32;

    public const int SignatureSize = 64;

    /// <summary>The order of the base point: L = 2^252 + 27742317777372353535851937790883648493.</summary>
    public static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The public key of a seed (RFC 8032, section 5.1.5).</summary>
    public static byte[] PublicKey(ReadOnlySpan<byte> seed) => Ed25519Point.Base.ScalarMultiply(Expand(seed).Scalar).Encode();

    /// <summary>The signature of a message under the key with this seed (RFC 8032, section 5.1.6).</summary>
    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        var (scalar, prefix) = Expand(seed);
        var publicKey = Ed25519Point.Base.ScalarMultiply(scalar).Encode();
        var r = HashToScalar(prefix, message);
        var encodedR = Ed25519Point.Base.ScalarMultiply(r).Encode();
        var k = HashToScalar(encodedR, publicKey, message);
        var s = (r + k * scalar) % L;

        var signature = new byte[SignatureSize];
        encodedR.CopyTo(signature, 0);
        s.TryWriteBytes(signature.AsSpan(KeySize), out _, isUnsigned: true, isBigEndian: false);
        return signature;
    }

    /// <summary>
    /// True when the signature is valid (RFC 8032, section 5.1.7). The public key and R must be canonical encodings
    /// of curve points and S must be below L. The check is the cofactorless [S]B = R + [k]A, as Go's verifier makes
    /// it (RFC 8032 allows either), done as Go does: R' = [S]B - [k]A is encoded and compared with R's bytes.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != KeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        var encodedR = signature[..KeySize];
        var s = new BigInteger(signature[KeySize..], isUnsigned: true, isBigEndian: false);
        if (s >= L || Ed25519Point.Decode(publicKey) is not { } a || Ed25519Point.Decode(encodedR) is null)
        {
            return false;
        }

        var k = HashToScalar(encodedR, publicKey, message);
        var expectedR = Ed25519Point.Base.ScalarMultiply(s).Add(a.ScalarMultiply(k).Negate());
        return encodedR.SequenceEqual(expectedR.Encode());
    }

    /// <summary>The secret scalar (the hash's clamped low half) and the prefix (its high half) of a seed.</summary>
    private static (BigInteger Scalar, byte[] Prefix) Expand(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != KeySize)
        {
            throw new ArgumentException($"an Ed25519 seed is {KeySize} bytes, not {seed.Length}", nameof(seed));
        }

        var hash = SHA512.HashData(seed);
        hash[0] &= 248;
        hash[31] &= 127;
        hash[31] |= 64;
        return (new BigInteger(hash.AsSpan(0, KeySize), isUnsigned: true, isBigEndian: false), hash[KeySize..]);
    }

    /// <summary>SHA-512 of the parts, read little-endian and reduced modulo L.</summary>
    private static BigInteger HashToScalar(ReadOnlySpan<byte> first, ReadOnlySpan<byte> message)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        sha.AppendData(first);
        sha.AppendData(message);
        return new BigInteger(sha.GetHashAndReset(), isUnsigned: true, isBigEndian: false) % L;
    }

    /// <summary>SHA-512 of the parts, read little-endian and reduced modulo L.</summary>
    private static BigInteger HashToScalar(ReadOnlySpan<byte> encodedR, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        sha.AppendData(encodedR);
        sha.AppendData(publicKey);
        sha.AppendData(message);
        return new BigInteger(sha.GetHashAndReset(), isUnsigned: true, isBigEndian: false) % L;
    }
}
