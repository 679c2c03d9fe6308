namespace Palisade.Rego.Builtins;

/// <summary>The families of builtins; each family lists its functions.</summary>
internal static class BuiltinFamilies
{
    public static readonly IReadOnlyList<Func<IEnumerable<BuiltinFunction>>> All =
    [
        TypeChecks.TypeBuiltins.Functions,
        Strings.StringFamily.Functions,
        RegularExpressions.RegexBuiltins.Functions,
        Encodings.EncodingFamily.Functions,
        Glob.GlobBuiltins.Functions,
        Units.UnitsBuiltins.Functions,
        Semver.SemverBuiltins.Functions,
        Uuid.UuidBuiltins.Functions,
    ];
}
