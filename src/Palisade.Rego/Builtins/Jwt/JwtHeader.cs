using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Jwt;

/// <summary>The JOSE header parameters OPA checks (RFC 7515 section 4.1), parsed with OPA's messages.</summary>
internal sealed record JwtHeader(string Algorithm, string KeyId, string ContentType, IReadOnlySet<string> Critical, IReadOnlyList<string> Unknown)
{
    public static JwtHeader Parse(ObjectValue header)
    {
        string alg = "", kid = "", cty = "";
        var critical = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (key, value) in header.Entries)
        {
            var name = ((StringValue)key).Value;
            switch (name)
            {
                case "alg":
                    alg = Text(name, value);
                    break;
                case "kid":
                    kid = Text(name, value);
                    break;
                case "typ":
                    Text(name, value);
                    break;
                case "cty":
                    cty = Text(name, value);
                    break;
                case "crit":
                    if (value is not ArrayValue list)
                    {
                        throw new BuiltinException("crit: must be a list");
                    }

                    foreach (var item in list.Items)
                    {
                        if (item is StringValue s)
                        {
                            critical.Add(s.Value);
                        }
                    }

                    if (critical.Count == 0)
                    {
                        throw new BuiltinException("crit: must be a nonempty list");
                    }

                    break;
                default:
                    unknown.Add(name);
                    break;
            }
        }

        return new JwtHeader(alg, kid, cty, critical, unknown);
    }

    /// <summary>"alg" is required, and a critical parameter OPA does not understand makes the token invalid.</summary>
    public bool IsValid => Algorithm.Length > 0 && !Unknown.Any(Critical.Contains);

    private static string Text(string name, Value value) =>
        (value as StringValue ?? throw new BuiltinException($"{name}: must be a string")).Value;
}
