using System.Security.Cryptography;
using System.Text;
using Palisade.Rego.Builtins;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

public sealed class JwtBuiltinTests
{
    private static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly Value SecretJwk = ObjectValue.Of(("kty", S("oct")), ("k", S(Url(Encoding.UTF8.GetBytes("42")))));

    private static string Sign(Value headers, Value payload, Value jwk) => ((StringValue)Call("io.jwt.encode_sign", headers, payload, jwk)!).Value;

    [Fact]
    public void ClaimsOfTheWrongTypeAreErrors()
    {
        var badExp = Sign(J("{\"alg\": \"HS256\"}"), J("{\"exp\": null}"), SecretJwk);
        Fails("io.jwt.decode_verify", "exp value must be a number", S(badExp), J("{\"secret\": \"42\"}"));
        var badNbf = Sign(J("{\"alg\": \"HS256\"}"), J("{\"nbf\": \"string is not valid here\"}"), SecretJwk);
        Fails("io.jwt.decode_verify", "nbf value must be a number", S(badNbf), J("{\"secret\": \"42\"}"));
    }

    [Fact]
    public void ExpiryAndNotBeforeAreCheckedAgainstTheQueryClock()
    {
        var now = FixedNow.ToUnixTimeSeconds();
        var valid = Sign(J("{\"alg\": \"HS256\"}"), J($"{{\"exp\": {now + 1}, \"nbf\": {now}}}"), SecretJwk);
        Assert.Equal(BooleanValue.True, ((ArrayValue)Call("io.jwt.decode_verify", S(valid), J("{\"secret\": \"42\"}"))!)[0]);
        var expired = Sign(J("{\"alg\": \"HS256\"}"), J($"{{\"exp\": {now}}}"), SecretJwk);
        Assert.Equal(J("[false, {}, {}]"), Call("io.jwt.decode_verify", S(expired), J("{\"secret\": \"42\"}")));
        var early = Sign(J("{\"alg\": \"HS256\"}"), J($"{{\"nbf\": {now + 1}}}"), SecretJwk);
        Assert.Equal(J("[false, {}, {}]"), Call("io.jwt.decode_verify", S(early), J("{\"secret\": \"42\"}")));
        Assert.Equal(BooleanValue.True, ((ArrayValue)Call("io.jwt.decode_verify", S(early), J($"{{\"secret\": \"42\", \"time\": {(now + 1) * 1_000_000_000}}}"))!)[0]);
    }

    [Fact]
    public void ConstraintsAreChecked()
    {
        var token = S(Sign(J("{\"alg\": \"HS256\"}"), J("{}"), SecretJwk));
        Fails("io.jwt.decode_verify", "no key constraint", token, J("{}"));
        Fails("io.jwt.decode_verify", "duplicate key constraints", token, J("{\"secret\": \"42\", \"cert\": \"{\\\"kty\\\": \\\"oct\\\", \\\"k\\\": \\\"NDI\\\"}\"}"));
        Fails("io.jwt.decode_verify", "unknown token validation constraint: foo", token, J("{\"secret\": \"42\", \"foo\": 1}"));
        Assert.Equal(J("[false, {}, {}]"), Call("io.jwt.decode_verify", token, J("{\"secret\": \"42\", \"alg\": \"RS256\"}")));
    }

    public static TheoryData<string> Algorithms() => ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void SignedTokensVerify(string algorithm)
    {
        var (privateJwk, publicPem) = algorithm.StartsWith("ES", StringComparison.Ordinal) ? EcKey(algorithm) : RsaKey();
        var token = S(Sign(ObjectValue.Of(("alg", S(algorithm)), ("typ", S("JWT"))), J("{\"iss\": \"me\"}"), privateJwk));
        Assert.Equal(BooleanValue.True, Call($"io.jwt.verify_{algorithm.ToLowerInvariant()}", token, S(publicPem)));
        var verified = (ArrayValue)Call("io.jwt.decode_verify", token, ObjectValue.Of(("cert", S(publicPem)), ("iss", S("me"))))!;
        Assert.Equal(BooleanValue.True, verified[0]);
        Assert.Equal(J("{\"iss\": \"me\"}"), verified[2]);

        // A token whose payload was changed no longer verifies.
        var parts = ((StringValue)token).Value.Split('.');
        var forged = S($"{parts[0]}.{Url(Encoding.UTF8.GetBytes("{\"iss\":\"you\"}"))}.{parts[2]}");
        Assert.Equal(BooleanValue.False, Call($"io.jwt.verify_{algorithm.ToLowerInvariant()}", forged, S(publicPem)));
    }

    [Fact]
    public void HmacVerification()
    {
        var token = S(Sign(J("{\"alg\": \"HS256\"}"), J("{\"a\": 1}"), SecretJwk));
        Assert.Equal(BooleanValue.True, Call("io.jwt.verify_hs256", token, S("42")));
        Assert.Equal(BooleanValue.False, Call("io.jwt.verify_hs256", token, S("43")));
        Fails("io.jwt.verify_hs256", "encoded JWT had no period separators", S("abc"), S("42"));
    }

    [Fact]
    public void Base64ErrorsCountBytesAsGoDoes()
    {
        Fails("io.jwt.decode", "JWT header had invalid encoding: illegal base64 data at input byte 13", S("eyJhbGciOiJIU^%zI1NiI+sInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVo"));
        Fails("io.jwt.decode", "JWT header had invalid encoding: illegal base64 data at input byte 2", S("abé=.e30.XmVo"));
    }

    [Fact]
    public void DecodeGivesHeaderPayloadAndSignatureHex()
    {
        var decoded = (ArrayValue)Call("io.jwt.decode", S("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVoLoHI3pxMtMO_WRONMSJzGUDP9pDjy8Jp0_tdRXY"))!;
        Assert.Equal(J("[{\"alg\": \"HS256\", \"typ\": \"JWT\"}, {\"iss\": \"opa\", \"sub\": \"0\"}, \"5e65682e81c8de9c4cb4c3bf59138d3122731940cff690e3cbc269d3fb5d4576\"]"), decoded);
    }

    [Fact]
    public void EncodeSignWritesJsonAsGoDoes()
    {
        var token = Sign(J("{\"alg\": \"HS256\"}"), ObjectValue.Of(("b", S("<&>")), ("a", SetValue.Of(N(2), N(1)))), SecretJwk);
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(token.Split('.')[1].Replace('-', '+').Replace('_', '/') + "=="[..((4 - token.Split('.')[1].Length % 4) % 4)]));
        Assert.Equal("{\"a\":[1,2],\"b\":\"\\u003c\\u0026\\u003e\"}", payload);
    }

    private static (Value Jwk, string Pem) RsaKey()
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(true);
        var jwk = ObjectValue.Of(
            ("kty", S("RSA")), ("n", S(Url(p.Modulus!))), ("e", S(Url(p.Exponent!))), ("d", S(Url(p.D!))),
            ("p", S(Url(p.P!))), ("q", S(Url(p.Q!))), ("dp", S(Url(p.DP!))), ("dq", S(Url(p.DQ!))), ("qi", S(Url(p.InverseQ!))));
        return (jwk, rsa.ExportSubjectPublicKeyInfoPem());
    }

    private static (Value Jwk, string Pem) EcKey(string algorithm)
    {
        var (curve, name) = algorithm switch
        {
            "ES256" => (ECCurve.NamedCurves.nistP256, "P-256"),
            "ES384" => (ECCurve.NamedCurves.nistP384, "P-384"),
            _ => (ECCurve.NamedCurves.nistP521, "P-521"),
        };
        using var ecdsa = ECDsa.Create(curve);
        var p = ecdsa.ExportParameters(true);
        var jwk = ObjectValue.Of(("kty", S("EC")), ("crv", S(name)), ("x", S(Url(p.Q.X!))), ("y", S(Url(p.Q.Y!))), ("d", S(Url(p.D!))));
        return (jwk, ecdsa.ExportSubjectPublicKeyInfoPem());
    }
}
