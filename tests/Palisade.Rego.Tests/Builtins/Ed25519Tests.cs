using System.Numerics;
using System.Security.Cryptography;
using Palisade.Rego.Builtins.Crypto;

namespace Palisade.Rego.Tests.Builtins;

public sealed class Ed25519Tests
{
    /// <summary>RFC 8032, section 7.1: secret key (seed), public key, message, signature, in hex.</summary>
    public static TheoryData<string, string, string, string> Rfc8032Vectors() => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
        {
            // TEST SHA(abc): the message is the SHA-512 of "abc".
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void PublicKeyMatchesTheRfcVector(string seed, string publicKey, string message, string signature)
    {
        _ = (message, signature);
        Assert.Equal(publicKey, Convert.ToHexStringLower(Ed25519.PublicKey(Convert.FromHexString(seed))));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void SignatureMatchesTheRfcVector(string seed, string publicKey, string message, string signature)
    {
        _ = publicKey;
        Assert.Equal(signature, Convert.ToHexStringLower(Ed25519.Sign(Convert.FromHexString(seed), Convert.FromHexString(message))));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void RfcSignatureVerifiesAndAlteredOnesDoNot(string seed, string publicKey, string message, string signature)
    {
        _ = seed;
        var key = Convert.FromHexString(publicKey);
        var data = Convert.FromHexString(message);
        var valid = Convert.FromHexString(signature);
        Assert.True(Ed25519.Verify(key, data, valid));
        Assert.False(Ed25519.Verify(key, [.. data, 0], valid));
        for (var i = 0; i < valid.Length; i += 7)
        {
            var altered = (byte[])valid.Clone();
            altered[i] ^= 0x01;
            Assert.False(Ed25519.Verify(key, data, altered));
        }
    }

    [Fact]
    public void ShaOfAbcVectorUsesTheDigestOfAbc() =>
        Assert.Equal(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            Convert.ToHexStringLower(SHA512.HashData("abc"u8)));

    [Fact]
    public void NonCanonicalScalarIsRejected()
    {
        var key = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var signature = Convert.FromHexString("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: false);

        // S + L is the same scalar modulo L, so only the S < L rule rejects it.
        var malleated = (byte[])signature.Clone();
        Array.Clear(malleated, 32, 32);
        (s + Ed25519.L).TryWriteBytes(malleated.AsSpan(32), out _, isUnsigned: true, isBigEndian: false);
        Assert.False(Ed25519.Verify(key, [], malleated));
    }

    [Fact]
    public void InvalidPointEncodingsAreRejected()
    {
        var p = BigInteger.Pow(2, 255) - 19;

        // y = p + 1 encodes y = 1 (the neutral point) non-canonically.
        Assert.Null(Ed25519Point.Decode(LittleEndian(p + 1)));
        Assert.NotNull(Ed25519Point.Decode(LittleEndian(1)));

        // y = 1 has x = 0, which cannot be negative.
        var negativeZero = LittleEndian(1);
        negativeZero[31] |= 0x80;
        Assert.Null(Ed25519Point.Decode(negativeZero));

        // y = 2 gives x^2 = 3 / (4d + 1), which has no square root modulo p.
        Assert.Null(Ed25519Point.Decode(LittleEndian(2)));
        Assert.Null(Ed25519Point.Decode(new byte[31]));
    }

    [Fact]
    public void PublicKeysThatAreNotPointsNeverVerify()
    {
        var signature = Convert.FromHexString("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        Assert.False(Ed25519.Verify(LittleEndian(2), [], signature));
        Assert.False(Ed25519.Verify(new byte[31], [], signature));
        Assert.False(Ed25519.Verify(Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), [], signature.AsSpan(0, 63)));
    }

    [Fact]
    public void DecodingInvertsEncoding()
    {
        var point = Ed25519Point.Base.ScalarMultiply(123456789);
        var encoded = point.Encode();
        Assert.Equal(encoded, Ed25519Point.Decode(encoded)!.Value.Encode());
        Assert.Equal(
            "5866666666666666666666666666666666666666666666666666666666666666",
            Convert.ToHexStringLower(Ed25519Point.Base.Encode()));
        Assert.Equal(Ed25519Point.Identity.Encode(), Ed25519Point.Base.ScalarMultiply(Ed25519.L).Encode());
    }

    private static byte[] LittleEndian(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }
}
