using System.Security.Cryptography;
using System.Text;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Crypto;

// OPA's builtins include MD5 and SHA-1 by name; policies choose them, usually to match existing data, not for security.
#pragma warning disable CA5350, CA5351

/// <summary>Digests and HMACs of strings (their UTF-8 bytes, as Go sees a string), as lowercase hex.</summary>
internal static class HashBuiltins
{
    private static readonly FunctionSignature Digest = FunctionSignature.Of(RegoType.String, RegoType.String);
    private static readonly FunctionSignature Mac = FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.String);

    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("crypto.md5", Digest, (_, args) => Hex(MD5.HashData(Bytes(args, 0)))),
        new("crypto.sha1", Digest, (_, args) => Hex(SHA1.HashData(Bytes(args, 0)))),
        new("crypto.sha256", Digest, (_, args) => Hex(SHA256.HashData(Bytes(args, 0)))),
        new("crypto.hmac.md5", Mac, (_, args) => Hex(HMACMD5.HashData(Bytes(args, 1), Bytes(args, 0)))),
        new("crypto.hmac.sha1", Mac, (_, args) => Hex(HMACSHA1.HashData(Bytes(args, 1), Bytes(args, 0)))),
        new("crypto.hmac.sha256", Mac, (_, args) => Hex(HMACSHA256.HashData(Bytes(args, 1), Bytes(args, 0)))),
        new("crypto.hmac.sha512", Mac, (_, args) => Hex(HMACSHA512.HashData(Bytes(args, 1), Bytes(args, 0)))),
        new("crypto.hmac.equal", FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.String), Equal),
    ];

    // Constant time, so comparing MACs does not leak how much of them matched.
    private static Value Equal(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        BooleanValue.Of(CryptographicOperations.FixedTimeEquals(Bytes(arguments, 0), Bytes(arguments, 1)));

    private static byte[] Bytes(ReadOnlySpan<Value> arguments, int index) => Encoding.UTF8.GetBytes(Operands.String(arguments, index).Value);

    private static StringValue Hex(byte[] bytes) => StringValue.Of(Convert.ToHexStringLower(bytes));
}
