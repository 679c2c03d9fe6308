namespace Palisade.Rego.Builtins;

/// <summary>The families of builtins; each family lists its functions.</summary>
internal static class BuiltinFamilies
{
    public static readonly IReadOnlyList<Func<IEnumerable<BuiltinFunction>>> All =
    [
        Comparison.ComparisonBuiltins.Functions,
        Arithmetic.ArithmeticBuiltins.Functions,
        Arithmetic.RoundingBuiltins.Functions,
        Arithmetic.RangeBuiltins.Functions,
        Bits.BitsBuiltins.Functions,
        Aggregates.AggregateBuiltins.Functions,
        Arrays.ArrayBuiltins.Functions,
        Sets.SetBuiltins.Functions,
        Objects.ObjectBuiltins.Functions,
        Objects.ObjectUnionBuiltins.Functions,
        Objects.JsonFilterBuiltins.Functions,
        Objects.JsonPatchBuiltin.Functions,
        Graph.WalkBuiltin.Functions,
        Graph.ReachableBuiltins.Functions,
        Time.TimeBuiltins.Functions,
        Net.CidrBuiltins.Functions,
        Net.CidrMerge.Functions,
        Net.LookupBuiltins.Functions,
        Crypto.HashBuiltins.Functions,
        Crypto.X509Builtins.Functions,
        Crypto.PrivateKeyBuiltins.Functions,
        Runtime.RuntimeBuiltins.Functions,
        Runtime.NetworkBuiltins.Functions,
        Runtime.SleepBuiltin.Functions,
        Jwt.JwtVerifyBuiltins.Functions,
        Jwt.JwtDecodeVerify.Functions,
        Jwt.JwtEncodeBuiltins.Functions,
        JsonSchema.JsonSchemaBuiltins.Functions,
        Providers.AwsSignBuiltins.Functions,
        TypeChecks.TypeBuiltins.Functions,
        Strings.StringFamily.Functions,
        RegularExpressions.RegexBuiltins.Functions,
        Encodings.EncodingFamily.Functions,
        Glob.GlobBuiltins.Functions,
        Units.UnitsBuiltins.Functions,
        Semver.SemverBuiltins.Functions,
        Uuid.UuidBuiltins.Functions,
        Graphql.GraphqlBuiltins.All,
        Rego.ParseModuleBuiltin.Functions,
        Rego.RegoMetadataBuiltins.Functions,
    ];
}
