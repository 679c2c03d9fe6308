namespace Palisade.Rego.Builtins.RegularExpressions;

/// <summary>A pattern Go's regexp package rejects, with Go's message: error parsing regexp: CODE: `EXPR`.</summary>
internal sealed class Re2SyntaxException(string code, string expression)
    : BuiltinException($"error parsing regexp: {code}: `{expression}`");
