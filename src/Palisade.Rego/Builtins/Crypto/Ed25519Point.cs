using System.Numerics;
using F = Palisade.Rego.Builtins.Crypto.Ed25519Field;

namespace Palisade.Rego.Builtins.Crypto;

/// <summary>
/// A point of edwards25519 in extended homogeneous coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z, x y = T/Z,
/// using the formulas of RFC 8032, section 5.1.4.
/// </summary>
internal readonly record struct Ed25519Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T)
{
    public static readonly Ed25519Point Identity = new(0, 1, 1, 0);

    /// <summary>The base point B: y = 4/5 with x even.</summary>
    public static readonly Ed25519Point Base = FromAffine(
        BigInteger.Parse("15112221349535400772501151409588531511454012693041857206046113283949847762202", System.Globalization.CultureInfo.InvariantCulture),
        BigInteger.Parse("46316835694926478169428394003475163141307993866256225615783033603165251855960", System.Globalization.CultureInfo.InvariantCulture));

    public static Ed25519Point FromAffine(BigInteger x, BigInteger y) => new(x, y, 1, F.Multiply(x, y));

    public Ed25519Point Add(Ed25519Point other)
    {
        var a = F.Multiply(F.Subtract(Y, X), F.Subtract(other.Y, other.X));
        var b = F.Multiply(F.Add(Y, X), F.Add(other.Y, other.X));
        var c = F.Multiply(F.Multiply(T, F.D2), other.T);
        var d = F.Multiply(F.Multiply(Z, 2), other.Z);
        var e = F.Subtract(b, a);
        var f = F.Subtract(d, c);
        var g = F.Add(d, c);
        var h = F.Add(b, a);
        return new(F.Multiply(e, f), F.Multiply(g, h), F.Multiply(f, g), F.Multiply(e, h));
    }

    public Ed25519Point Double()
    {
        var a = F.Multiply(X, X);
        var b = F.Multiply(Y, Y);
        var c = F.Multiply(2, F.Multiply(Z, Z));
        var h = F.Add(a, b);
        var sum = F.Add(X, Y);
        var e = F.Subtract(h, F.Multiply(sum, sum));
        var g = F.Subtract(a, b);
        var f = F.Add(c, g);
        return new(F.Multiply(e, f), F.Multiply(g, h), F.Multiply(f, g), F.Multiply(e, h));
    }

    public Ed25519Point Negate() => new(F.Mod(-X), Y, Z, F.Mod(-T));

    /// <summary>[scalar]this by double-and-add from the top bit; the scalar must not be negative.</summary>
    public Ed25519Point ScalarMultiply(BigInteger scalar)
    {
        var result = Identity;
        for (var bit = (int)scalar.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = result.Double();
            if (!(scalar >> bit).IsEven)
            {
                result = result.Add(this);
            }
        }

        return result;
    }

    /// <summary>RFC 8032, section 5.1.2: y little-endian in 255 bits, the low bit of x in the top bit.</summary>
    public byte[] Encode()
    {
        var zInverse = F.Inverse(Z);
        var x = F.Multiply(X, zInverse);
        var y = F.Multiply(Y, zInverse);
        var bytes = new byte[32];
        y.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        if (!x.IsEven)
        {
            bytes[31] |= 0x80;
        }

        return bytes;
    }

    /// <summary>
    /// RFC 8032, section 5.1.3: null for anything but the canonical encoding of a curve point (y of p or more, no
    /// square root for x, or a negative zero x).
    /// </summary>
    public static Ed25519Point? Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != 32)
        {
            return null;
        }

        Span<byte> yBytes = stackalloc byte[32];
        encoded.CopyTo(yBytes);
        var xIsOdd = (yBytes[31] & 0x80) != 0;
        yBytes[31] &= 0x7f;
        var y = new BigInteger(yBytes, isUnsigned: true, isBigEndian: false);
        if (y >= F.P)
        {
            return null;
        }

        var y2 = F.Multiply(y, y);
        if (F.SqrtRatio(F.Subtract(y2, 1), F.Add(F.Multiply(F.D, y2), 1)) is not { } x)
        {
            return null;
        }

        if (x.IsZero && xIsOdd)
        {
            return null;
        }

        if (x.IsEven == xIsOdd)
        {
            x = F.P - x;
        }

        return FromAffine(x, y);
    }
}
