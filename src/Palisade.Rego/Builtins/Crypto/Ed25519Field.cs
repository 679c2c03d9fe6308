using System.Numerics;

namespace Palisade.Rego.Builtins.Crypto;

/// <summary>Arithmetic in the field of integers modulo p = 2^255 - 19, on canonical values in [0, p).</summary>
internal static class Ed25519Field
{
    public static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    /// <summary>The curve constant d = -121665 / 121666.</summary>
    public static readonly BigInteger D = Mod(-121665 * Inverse(121666));

    /// <summary>2d, used by point addition.</summary>
    public static readonly BigInteger D2 = Mod(2 * D);

    /// <summary>A square root of -1: 2^((p-1)/4).</summary>
    public static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);

    public static BigInteger Mod(BigInteger value)
    {
        var result = value % P;
        return result.Sign < 0 ? result + P : result;
    }

    public static BigInteger Add(BigInteger a, BigInteger b) => Mod(a + b);

    public static BigInteger Subtract(BigInteger a, BigInteger b) => Mod(a - b);

    public static BigInteger Multiply(BigInteger a, BigInteger b) => Mod(a * b);

    /// <summary>The multiplicative inverse by Fermat: a^(p-2); zero maps to zero.</summary>
    public static BigInteger Inverse(BigInteger a) => BigInteger.ModPow(Mod(a), P - 2, P);

    /// <summary>
    /// The x with x^2 = u / v (RFC 8032, section 5.1.3 step 2-3), or null when u / v is not a square.
    /// </summary>
    public static BigInteger? SqrtRatio(BigInteger u, BigInteger v)
    {
        // x = u v^3 (u v^7)^((p-5)/8) is a root of u / v up to a factor of sqrt(-1).
        var v3 = Multiply(Multiply(v, v), v);
        var v7 = Multiply(Multiply(v3, v3), v);
        var x = Multiply(Multiply(u, v3), BigInteger.ModPow(Multiply(u, v7), (P - 5) / 8, P));
        var vx2 = Multiply(v, Multiply(x, x));
        if (vx2 == Mod(u))
        {
            return x;
        }

        if (vx2 == Mod(-u))
        {
            return Multiply(x, SqrtMinusOne);
        }

        return null;
    }
}
