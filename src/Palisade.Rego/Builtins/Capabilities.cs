using System.Text.Json;

namespace Palisade.Rego.Builtins;

/// <summary>
/// OPA's capabilities files (<c>{"builtins": [{"name": …, "decl": …}], …}</c>): they name the builtins policies may
/// call, so a policy that calls any other (say <c>http.send</c>) fails to compile with "undefined function".
/// </summary>
public static class Capabilities
{
    /// <summary>The builtins of <paramref name="registry"/> that the capabilities document names.</summary>
    /// <exception cref="FormatException">The document is not a capabilities document.</exception>
    public static BuiltinRegistry Restrict(BuiltinRegistry registry, string json)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("builtins", out var builtins) || builtins.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("capabilities: a \"builtins\" array is required");
            }

            foreach (var builtin in builtins.EnumerateArray())
            {
                if (builtin.ValueKind != JsonValueKind.Object || !builtin.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException("capabilities: every builtin needs a \"name\" string");
                }

                names.Add(name.GetString()!);
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"capabilities: {e.Message}", e);
        }

        return new BuiltinRegistry(registry.Functions.Where(f => names.Contains(f.Name)));
    }
}
