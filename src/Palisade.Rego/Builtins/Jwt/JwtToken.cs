using System.Text;
using System.Text.Json;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Jwt;

/// <summary>A JWS in compact serialisation, split into its three base64url sections (RFC 7519 section 7.2).</summary>
internal sealed record JwtToken(string Header, string Payload, string Signature)
{
    public static JwtToken Split(Value value, int operand = 0)
    {
        var text = (value as StringValue ?? throw Operands.Mismatch(operand, "string", value)).Value;
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            throw new BuiltinException("encoded JWT had no period separators");
        }

        var parts = text.Split('.');
        if (parts.Length != 3)
        {
            throw new BuiltinException($"encoded JWT must have 3 sections, found {parts.Length}");
        }

        return new JwtToken(parts[0], parts[1], parts[2]);
    }

    public byte[] SigningInput => Encoding.UTF8.GetBytes(Header + "." + Payload);

    /// <summary>The header object; JWE tokens (with "enc") are refused.</summary>
    public ObjectValue DecodeHeader()
    {
        byte[] bytes;
        try
        {
            bytes = GoBase64.DecodeUrl(Header);
        }
        catch (BuiltinException e)
        {
            throw new BuiltinException($"JWT header had invalid encoding: {e.Message}");
        }

        ObjectValue header;
        try
        {
            header = JsonObject(bytes);
        }
        catch (BuiltinException e)
        {
            throw new BuiltinException($"bad JWT header: {e.Message}");
        }

        return header.ContainsKey(StringValue.Of("enc")) ? throw new BuiltinException("JWT is a JWE object, which is not supported") : header;
    }

    public byte[] DecodePayload()
    {
        try
        {
            return GoBase64.DecodeUrl(Payload);
        }
        catch (BuiltinException e)
        {
            throw new BuiltinException($"JWT payload had invalid encoding: {e.Message}");
        }
    }

    public byte[] DecodeSignature() => GoBase64.DecodeUrl(Signature);

    /// <summary>OPA's <c>extractJSONObject</c>: JSON whose top level is an object; a repeated key keeps its last value.</summary>
    public static ObjectValue JsonObject(byte[] utf8)
    {
        Value value;
        try
        {
            value = ValueJson.Parse(Encoding.UTF8.GetString(utf8));
        }
        catch (JsonException e)
        {
            throw new BuiltinException($"invalid JSON: {e.Message}");
        }

        return value as ObjectValue ?? throw new BuiltinException("decoded JSON type was not an Object");
    }
}
