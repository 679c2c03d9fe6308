namespace Palisade.Rego.Builtins;

/// <summary>The families of builtins; each family lists its functions.</summary>
internal static class BuiltinFamilies
{
    public static readonly IReadOnlyList<Func<IEnumerable<BuiltinFunction>>> All =
    [
        Types.TypeBuiltins.Functions,
        Strings.SearchBuiltins.Functions,
        Strings.TrimBuiltins.Functions,
        Strings.TransformBuiltins.Functions,
        Strings.SprintfBuiltin.Functions,
        Strings.TemplateBuiltin.Functions,
        Regex.RegexBuiltins.Functions,
        Encodings.Base64Builtins.Functions,
        Encodings.UrlQueryBuiltins.Functions,
        Encodings.JsonBuiltins.Functions,
        Encodings.YamlBuiltins.Functions,
        Glob.GlobBuiltins.Functions,
        Units.UnitsBuiltins.Functions,
        Semver.SemverBuiltins.Functions,
        Uuid.UuidBuiltins.Functions,
    ];
}
