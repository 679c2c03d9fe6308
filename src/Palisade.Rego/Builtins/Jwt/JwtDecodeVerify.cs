using System.Text;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Jwt;

/// <summary>
/// <c>io.jwt.decode_verify</c>: signature and claims checked against constraints. A token that fails a check gives
/// [false, {}, {}]; malformed input and bad constraints are errors.
/// </summary>
internal static class JwtDecodeVerify
{
    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("io.jwt.decode_verify", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any), RegoType.String, RegoType.ObjectOf(RegoType.String, RegoType.Any)), DecodeVerify),
    ];

    private static readonly ArrayValue Unverified = ArrayValue.Of(BooleanValue.False, ObjectValue.Empty, ObjectValue.Empty);

    private sealed class Constraints
    {
        public string Secret { get; set; } = "";

        public string Algorithm { get; set; } = "";

        public string Issuer { get; set; } = "";

        public string Audience { get; set; } = "";

        public List<JwtKey>? Keys { get; set; }

        /// <summary>Nanoseconds since the epoch, as a float as OPA keeps it.</summary>
        public double Time { get; set; } = -1;
    }

    private static Value DecodeVerify(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        Value jwt = arguments[0];
        var constraints = ParseConstraints(Operands.Object(arguments, 1), context);

        JwtToken token;
        byte[] payloadBytes;
        while (true)
        {
            token = JwtToken.Split(jwt);
            var header = JwtHeader.Parse(token.DecodeHeader());
            if (!header.IsValid || (constraints.Algorithm.Length > 0 && constraints.Algorithm != header.Algorithm))
            {
                return Unverified;
            }

            var signature = token.DecodeSignature();
            if (!Verify(constraints, header, token.SigningInput, signature))
            {
                return Unverified;
            }

            payloadBytes = token.DecodePayload();
            if (string.Equals(header.ContentType, "JWT", StringComparison.OrdinalIgnoreCase))
            {
                // A nested token: verify the inner one with the same constraints.
                jwt = StringValue.Of(Encoding.UTF8.GetString(payloadBytes));
                continue;
            }

            break;
        }

        var payload = JwtToken.JsonObject(payloadBytes);
        var decodedHeader = token.DecodeHeader();

        if (constraints.Issuer.Length > 0 && !(payload.TryGetValue("iss", out var iss) && iss is StringValue { } issuer && issuer.Value == constraints.Issuer))
        {
            return Unverified;
        }

        if (payload.TryGetValue("aud", out var aud) ? !ValidAudience(aud, constraints.Audience) : constraints.Audience.Length > 0)
        {
            return Unverified;
        }

        // exp and nbf are seconds; the constraint time is nanoseconds.
        var now = NumberValue.Of(constraints.Time / 1e9);
        if (payload.TryGetValue("exp", out var exp))
        {
            if (exp is not NumberValue expiry)
            {
                throw new BuiltinException("exp value must be a number");
            }

            if (NumberValue.Compare(now, expiry) >= 0)
            {
                return Unverified;
            }
        }

        if (payload.TryGetValue("nbf", out var nbf))
        {
            if (nbf is not NumberValue notBefore)
            {
                throw new BuiltinException("nbf value must be a number");
            }

            if (NumberValue.Compare(now, notBefore) < 0)
            {
                return Unverified;
            }
        }

        return ArrayValue.Of(BooleanValue.True, decodedHeader, payload);
    }

    private static bool Verify(Constraints constraints, JwtHeader header, byte[] input, byte[] signature)
    {
        if (constraints.Keys is { } keys)
        {
            if (header.KeyId.Length > 0 && keys.FirstOrDefault(k => k.KeyId == header.KeyId) is { } byId)
            {
                return JwtSignatures.Verify(byId.Material, header.Algorithm, input, signature);
            }

            return keys.Any(key => (key.Algorithm.Length == 0 || key.Algorithm == header.Algorithm)
                && JwtSignatures.Verify(key.Material, header.Algorithm, input, signature));
        }

        return JwtSignatures.Verify(Encoding.UTF8.GetBytes(constraints.Secret), header.Algorithm, input, signature);
    }

    /// <summary>"aud" is a string or a list of strings; either must name the audience constraint.</summary>
    private static bool ValidAudience(Value aud, string audience) => aud switch
    {
        StringValue s => s.Value == audience,
        ArrayValue list => list.Items.ToArray().Any(item => item is StringValue s && s.Value == audience),
        _ => false,
    };

    private static Constraints ParseConstraints(ObjectValue values, BuiltinContext context)
    {
        var constraints = new Constraints();
        foreach (var (key, value) in values.Entries)
        {
            var name = (key as StringValue)?.Value ?? key.ToString();
            switch (name)
            {
                case "cert":
                    var cert = value as StringValue ?? throw new BuiltinException("cert constraint: must be a string");
                    constraints.Keys = JwtKeys.FromCertificateOrJwk(cert.Value);
                    break;
                case "secret":
                    constraints.Secret = Text(name, value);
                    break;
                case "alg":
                    constraints.Algorithm = Text(name, value);
                    break;
                case "iss":
                    constraints.Issuer = Text(name, value);
                    break;
                case "aud":
                    constraints.Audience = Text(name, value);
                    break;
                case "time":
                    constraints.Time = TimeOf(value);
                    break;
                default:
                    throw new BuiltinException($"unknown token validation constraint: {name}");
            }
        }

        if (constraints.Time == -1)
        {
            constraints.Time = (context.Now - DateTimeOffset.UnixEpoch).Ticks * 100.0;
        }

        var keyConstraints = (constraints.Keys is not null ? 1 : 0) + (constraints.Secret.Length > 0 ? 1 : 0);
        return keyConstraints switch
        {
            > 1 => throw new BuiltinException("duplicate key constraints"),
            < 1 => throw new BuiltinException("no key constraint"),
            _ => constraints,
        };
    }

    private static double TimeOf(Value value)
    {
        var number = value as NumberValue ?? throw new BuiltinException("token time constraint: must be a number");
        var time = number.AsDouble;
        if (double.IsInfinity(time))
        {
            throw new BuiltinException("token time constraint: unvalid float64");
        }

        return time < 0 ? throw new BuiltinException("token time constraint: must not be negative") : time;
    }

    private static string Text(string name, Value value) =>
        (value as StringValue ?? throw new BuiltinException($"{name} constraint: must be a string")).Value;
}
