using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Runtime;

/// <summary>
/// <c>http.send</c> is declared, so policies that mention it compile, but Palisade evaluates without network access
/// by design: every call fails.
/// </summary>
internal static class NetworkBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("http.send", FunctionSignature.Of(RegoType.ObjectOf(RegoType.Any, RegoType.Any), RegoType.ObjectOf(RegoType.String, RegoType.Any)), Send, Nondeterministic: true),
    ];

    /// <summary>The request keys OPA's http.send accepts; a policy with a wrong key fails as it would under OPA.</summary>
    private static readonly SortedSet<string> AllowedKeys = new(StringComparer.Ordinal)
    {
        "method", "url", "body", "enable_redirect", "force_json_decode", "force_yaml_decode", "headers", "raw_body",
        "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert",
        "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file",
        "tls_client_key_env_variable", "tls_insecure_skip_verify", "tls_server_name", "timeout", "cache",
        "force_cache", "force_cache_duration_seconds", "raise_error", "caching_mode", "max_retry_attempts",
        "cache_ignored_headers",
    };

    private static readonly string[] RequiredKeys = ["method", "url"];

    private static Value Send(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var request = Operands.Object(arguments, 0);
        var keys = request.Keys.ToArray().Select(k => k is StringValue s ? s.Value : k.ToString()).ToList();
        var invalid = keys.Where(k => !AllowedKeys.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (invalid.Count > 0)
        {
            throw new BuiltinTypeException($"invalid request parameters(s): {{{string.Join(", ", invalid.Select(k => $"\"{k}\""))}}}");
        }

        var missing = RequiredKeys.Where(k => !keys.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            throw new BuiltinTypeException($"missing required request parameters(s): {{{string.Join(", ", missing.Select(k => $"\"{k}\""))}}}");
        }

        throw new BuiltinException("network access is disabled");
    }
}
