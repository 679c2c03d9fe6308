using System.Security.Cryptography;
using System.Text;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Jwt;

/// <summary>
/// <c>io.jwt.decode</c> and the single-algorithm <c>io.jwt.verify_*</c> builtins.
/// </summary>
internal static class JwtVerifyBuiltins
{
    private static readonly FunctionSignature VerifySignature = FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.String);

    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new("io.jwt.decode", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), RegoType.String), Decode);
        foreach (var algorithm in new[] { "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA" })
        {
            yield return new($"io.jwt.verify_{algorithm.ToLowerInvariant()}", VerifySignature, (_, args) => VerifyWithKey(args, algorithm));
        }

        foreach (var algorithm in new[] { "HS256", "HS384", "HS512" })
        {
            yield return new($"io.jwt.verify_{algorithm.ToLowerInvariant()}", VerifySignature, (_, args) => VerifyWithSecret(args, algorithm));
        }
    }

    /// <summary>[header, payload, signature as hex]; nested tokens (cty "JWT") are decoded down to the innermost.</summary>
    private static Value Decode(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var token = JwtToken.Split(arguments[0]);
        var header = token.DecodeHeader();
        var payload = token.DecodePayload();
        if (header.TryGetValue("cty", out var cty) && cty is StringValue { Value: "JWT" })
        {
            // A nested token arrives quoted, as jwt.io writes it.
            var inner = Encoding.UTF8.GetString(payload).Trim('"', '\'');
            return Decode(context, [StringValue.Of(inner)]);
        }

        var claims = JwtToken.JsonObject(payload);
        byte[] signature;
        try
        {
            signature = token.DecodeSignature();
        }
        catch (BuiltinException e)
        {
            throw new BuiltinException($"JWT signature had invalid encoding: {e.Message}");
        }

        return ArrayValue.Of(header, claims, StringValue.Of(Convert.ToHexStringLower(signature)));
    }

    /// <summary>
    /// OPA's <c>builtinJWTVerify</c>: a key whose id matches the header's "kid" decides alone; otherwise any key
    /// (of a matching "alg", when the key names one) that verifies will do.
    /// </summary>
    private static Value VerifyWithKey(ReadOnlySpan<Value> arguments, string algorithm)
    {
        var token = JwtToken.Split(arguments[0]);
        var keys = JwtKeys.FromCertificateOrJwk(Operands.String(arguments, 1).Value);
        var signature = token.DecodeSignature();
        var header = JwtHeader.Parse(token.DecodeHeader());
        var input = token.SigningInput;

        if (header.KeyId.Length > 0 && keys.FirstOrDefault(k => k.KeyId == header.KeyId) is { } byId)
        {
            return BooleanValue.Of(JwtSignatures.Verify(byId.Material, algorithm, input, signature));
        }

        return BooleanValue.Of(keys.Any(key =>
            (key.Algorithm.Length == 0 || key.Algorithm == header.Algorithm) && JwtSignatures.Verify(key.Material, algorithm, input, signature)));
    }

    private static Value VerifyWithSecret(ReadOnlySpan<Value> arguments, string algorithm)
    {
        var jwt = Operands.String(arguments, 0);
        var secret = Operands.String(arguments, 1).Value;
        var token = JwtToken.Split(jwt);
        var mac = JwtSignatures.Hmac(algorithm, Encoding.UTF8.GetBytes(secret), token.SigningInput);
        return BooleanValue.Of(CryptographicOperations.FixedTimeEquals(token.DecodeSignature(), mac));
    }
}
