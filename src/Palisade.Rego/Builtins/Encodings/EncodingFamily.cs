namespace Palisade.Rego.Builtins.Encodings;

/// <summary>The encoding family: base64, base64url, hex, urlquery, json and yaml.</summary>
internal static class EncodingFamily
{
    public static IEnumerable<BuiltinFunction> Functions() =>
        Base64Builtins.Functions()
            .Concat(UrlQueryBuiltins.Functions())
            .Concat(JsonBuiltins.Functions())
            .Concat(YamlBuiltins.Functions());
}
