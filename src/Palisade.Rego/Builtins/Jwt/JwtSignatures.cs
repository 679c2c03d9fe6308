using System.Numerics;
using System.Security.Cryptography;
using Palisade.Rego.Builtins.Crypto;

namespace Palisade.Rego.Builtins.Jwt;

/// <summary>Signing and verifying JWS signatures per algorithm (RFC 7518), with Go's acceptance rules.</summary>
internal static class JwtSignatures
{
    public static HashAlgorithmName HashFor(string algorithm) => algorithm[^3..] switch
    {
        "256" => HashAlgorithmName.SHA256,
        "384" => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    public static byte[] Hash(string algorithm, byte[] data) => HashFor(algorithm).Name switch
    {
        "SHA256" => SHA256.HashData(data),
        "SHA384" => SHA384.HashData(data),
        _ => SHA512.HashData(data),
    };

    /// <summary>True when the signature is valid for this key and algorithm; a key of the wrong kind never verifies.</summary>
    public static bool Verify(object key, string algorithm, byte[] signingInput, byte[] signature)
    {
        if (algorithm.Length != 5 || !JwtKeys.Algorithms.Contains(algorithm))
        {
            return false;
        }

        return (algorithm[..2], key) switch
        {
            ("HS", byte[] secret) => CryptographicOperations.FixedTimeEquals(Hmac(algorithm, secret, signingInput), signature),
            ("RS", RSA rsa) => VerifyRsa(rsa, signingInput, signature, algorithm, RSASignaturePadding.Pkcs1),
            ("PS", RSA rsa) => VerifyRsa(rsa, signingInput, signature, algorithm, RSASignaturePadding.Pss) || VerifyPssAnySalt(rsa, Hash(algorithm, signingInput), signature, algorithm),
            ("ES", ECDsa ecdsa) => VerifyEcdsa(ecdsa, Hash(algorithm, signingInput), signature),
            ("Ed", Ed25519Key ed25519) => Ed25519.Verify(ed25519.PublicKey, signingInput, signature),
            _ => false,
        };
    }

    public static byte[] Hmac(string algorithm, byte[] secret, byte[] data) => HashFor(algorithm).Name switch
    {
        "SHA256" => HMACSHA256.HashData(secret, data),
        "SHA384" => HMACSHA384.HashData(secret, data),
        _ => HMACSHA512.HashData(secret, data),
    };

    private static bool VerifyRsa(RSA rsa, byte[] data, byte[] signature, string algorithm, RSASignaturePadding padding)
    {
        try
        {
            return rsa.VerifyData(data, signature, HashFor(algorithm), padding);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// ECDSA as Go checks it: the signature's halves are r and s, whatever its length; they are re-encoded at the
    /// curve's size for .NET, and values too large for the curve do not verify.
    /// </summary>
    public static bool VerifyEcdsa(ECDsa ecdsa, byte[] digest, byte[] signature)
    {
        var size = (ecdsa.KeySize + 7) / 8;
        var half = signature.Length / 2;
        var r = Trim(signature[..half]);
        var s = Trim(signature[half..]);
        if (r.Length > size || s.Length > size || r.Length == 0 || s.Length == 0)
        {
            return false;
        }

        var fixedLength = new byte[2 * size];
        r.CopyTo(fixedLength, size - r.Length);
        s.CopyTo(fixedLength, 2 * size - s.Length);
        try
        {
            return ecdsa.VerifyHash(digest, fixedLength);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[] Trim(byte[] value)
    {
        var start = 0;
        while (start < value.Length && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }

    /// <summary>
    /// RSASSA-PSS verification with the salt length read from the signature (Go's <c>PSSSaltLengthAuto</c>), which
    /// .NET's verifier does not offer: it only accepts salts as long as the hash.
    /// </summary>
    private static bool VerifyPssAnySalt(RSA rsa, byte[] messageHash, byte[] signature, string algorithm)
    {
        var parameters = rsa.ExportParameters(false);
        var modulus = new BigInteger(parameters.Modulus, isUnsigned: true, isBigEndian: true);
        var k = parameters.Modulus!.Length;
        if (signature.Length != k)
        {
            return false;
        }

        var s = new BigInteger(signature, isUnsigned: true, isBigEndian: true);
        if (s >= modulus)
        {
            return false;
        }

        var m = BigInteger.ModPow(s, new BigInteger(parameters.Exponent, isUnsigned: true, isBigEndian: true), modulus);
        var emBits = (int)modulus.GetBitLength() - 1;
        var emLength = (emBits + 7) / 8;
        var mBytes = m.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (mBytes.Length > emLength)
        {
            return false;
        }

        var em = new byte[emLength];
        mBytes.CopyTo(em, emLength - mBytes.Length);
        var hashLength = messageHash.Length;
        if (emLength < hashLength + 2 || em[^1] != 0xbc)
        {
            return false;
        }

        var maskedDb = em[..(emLength - hashLength - 1)];
        var h = em[(emLength - hashLength - 1)..^1];
        var unusedBits = 8 * emLength - emBits;
        var topMask = (byte)(0xff >> unusedBits);
        if ((maskedDb[0] & ~topMask) != 0)
        {
            return false;
        }

        var db = Mgf1(algorithm, h, maskedDb.Length);
        for (var i = 0; i < db.Length; i++)
        {
            db[i] ^= maskedDb[i];
        }

        db[0] &= topMask;
        var separator = Array.FindIndex(db, b => b != 0);
        if (separator < 0 || db[separator] != 0x01)
        {
            return false;
        }

        var salt = db[(separator + 1)..];
        var prime = new byte[8 + hashLength + salt.Length];
        messageHash.CopyTo(prime, 8);
        salt.CopyTo(prime, 8 + hashLength);
        return CryptographicOperations.FixedTimeEquals(Hash(algorithm, prime), h);
    }

    private static byte[] Mgf1(string algorithm, byte[] seed, int length)
    {
        var output = new List<byte>(length + 64);
        for (uint counter = 0; output.Count < length; counter++)
        {
            var block = new byte[seed.Length + 4];
            seed.CopyTo(block, 0);
            block[^4] = (byte)(counter >> 24);
            block[^3] = (byte)(counter >> 16);
            block[^2] = (byte)(counter >> 8);
            block[^1] = (byte)counter;
            output.AddRange(Hash(algorithm, block));
        }

        return [.. output.Take(length)];
    }

    /// <summary>Signs the JWS signing input with the key the algorithm calls for.</summary>
    public static byte[] Sign(object key, string algorithm, byte[] signingInput) => (algorithm[..2], key) switch
    {
        ("HS", byte[] secret) => Hmac(algorithm, secret, signingInput),
        ("RS", RSA rsa) => rsa.SignData(signingInput, HashFor(algorithm), RSASignaturePadding.Pkcs1),
        ("PS", RSA rsa) => rsa.SignData(signingInput, HashFor(algorithm), RSASignaturePadding.Pss),
        ("ES", ECDsa ecdsa) => ecdsa.SignData(signingInput, HashFor(algorithm)),
        ("Ed", Ed25519Key { Seed: { } seed }) => SignEd25519(seed, signingInput),
        _ => throw new BuiltinException($"invalid key type for algorithm {algorithm}"),
    };

    private static byte[] SignEd25519(byte[] seed, byte[] signingInput) =>
        seed.Length == Ed25519.KeySize ? Ed25519.Sign(seed, signingInput) : throw new BuiltinException("ed25519: bad private key length: " + seed.Length);
}
