namespace Palisade.Rego.Builtins;

/// <summary>The families of builtins; each family lists its functions.</summary>
internal static class BuiltinFamilies
{
    public static readonly IReadOnlyList<Func<IEnumerable<BuiltinFunction>>> All =
    [
        Graphql.GraphqlBuiltins.All,
    ];
}
