namespace Palisade.Rego.Builtins;

/// <summary>The families of builtins; each family lists its functions.</summary>
internal static class BuiltinFamilies
{
    public static readonly IReadOnlyList<Func<IEnumerable<BuiltinFunction>>> All =
    [
        Time.TimeBuiltins.Functions,
        Net.CidrBuiltins.Functions,
        Net.CidrMerge.Functions,
        Net.LookupBuiltins.Functions,
        Crypto.HashBuiltins.Functions,
        Crypto.X509Builtins.Functions,
        Crypto.PrivateKeyBuiltins.Functions,
        Runtime.RuntimeBuiltins.Functions,
        Runtime.NetworkBuiltins.Functions,
        Jwt.JwtVerifyBuiltins.Functions,
        Jwt.JwtDecodeVerify.Functions,
        Jwt.JwtEncodeBuiltins.Functions,
        JsonSchema.JsonSchemaBuiltins.Functions,
        Providers.AwsSignBuiltins.Functions,
    ];
}
