using System.Text;
using System.Text.Json;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Jwt;

/// <summary>
/// <c>io.jwt.encode_sign</c> and <c>io.jwt.encode_sign_raw</c>: a JWS in compact form, signed with the first key
/// of a JWK (set). Nondeterministic, as RSA-PSS and ECDSA signatures are randomised.
/// </summary>
internal static class JwtEncodeBuiltins
{
    private static readonly RegoType JsonObject = RegoType.ObjectOf(RegoType.String, RegoType.Any);

    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("io.jwt.encode_sign", FunctionSignature.Of(RegoType.String, JsonObject, JsonObject, JsonObject), EncodeSign, Nondeterministic: true),
        new("io.jwt.encode_sign_raw", FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.String, RegoType.String), EncodeSignRaw, Nondeterministic: true),
    ];

    // The objects are serialised as Go would, so the signed bytes match OPA's.
    private static Value EncodeSign(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        Sign(Encodings.GoJsonWriter.Write(arguments[0]), Encodings.GoJsonWriter.Write(arguments[1]), Encodings.GoJsonWriter.Write(arguments[2]));

    private static Value EncodeSignRaw(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var key = Operands.String(arguments, 2).Value;
        var headers = Operands.String(arguments, 0).Value;
        var payload = Operands.String(arguments, 1).Value;
        return Sign(headers, payload, key);
    }

    private static StringValue Sign(string headers, string payload, string jwk)
    {
        List<JwtKey> keys;
        try
        {
            keys = JwtKeys.ParseJwks(jwk);
        }
        catch (Exception e) when (e is JsonException or FormatException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            throw new BuiltinException($"failed to parse jwk: {e.Message}");
        }

        var key = keys.Count > 0 ? keys[0] : throw new BuiltinException("no keys found in JWK set");
        var algorithm = HeaderAlgorithm(headers);
        if (!JwtKeys.Algorithms.Contains(algorithm))
        {
            throw new BuiltinException($"unknown JWS algorithm: {algorithm}");
        }

        if ((HeaderType(headers) is not { } type || type == "JWT") && !IsJson(payload))
        {
            throw new BuiltinException("type is JWT but payload is not JSON");
        }

        var signingInput = GoBase64.EncodeUrl(Encoding.UTF8.GetBytes(headers)) + "." + GoBase64.EncodeUrl(Encoding.UTF8.GetBytes(payload));
        var signature = JwtSignatures.Sign(key.Material, algorithm, Encoding.UTF8.GetBytes(signingInput));
        return StringValue.Of(signingInput + "." + GoBase64.EncodeUrl(signature));
    }

    /// <summary>The header's "alg", failing with the messages of OPA's JWS library.</summary>
    private static string HeaderAlgorithm(string headers)
    {
        if (headers.Trim().Length == 0)
        {
            throw new BuiltinException("missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(headers);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            if (headers.TrimStart().StartsWith('{'))
            {
                throw new BuiltinException("missing or invalid 'alg' header: cannot parse JSON");
            }

            throw new BuiltinException("missing or invalid 'alg' header: jwsbb: header \"alg\" not found");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("alg", out var alg))
        {
            throw new BuiltinException("missing or invalid 'alg' header: jwsbb: header \"alg\" not found");
        }

        return alg.ValueKind == JsonValueKind.String ? alg.GetString()! : throw new BuiltinException("missing or invalid 'alg' header: jwsbb: header \"alg\" is not a string");
    }

    private static string? HeaderType(string headers)
    {
        using var document = JsonDocument.Parse(headers);
        return document.RootElement.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : null;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
