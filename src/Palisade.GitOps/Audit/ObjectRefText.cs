namespace Palisade.GitOps.Audit;

/// <summary>
/// Splits the slash-separated text of an object reference. Kubernetes names and API groups are lower case and kinds
/// start with an upper-case letter, so the kind is the one segment that tells the apiVersion (before it) from the
/// namespace and name (after it), whatever the number of segments.
/// </summary>
internal static class ObjectRefText
{
    public readonly record struct Parts(string? ApiVersion, string Kind, string? Namespace, string Name);

    public static Parts Split(string text)
    {
        var segments = text.Split('/');
        var kindAt = Array.FindIndex(segments, s => s.Length > 0 && char.IsAsciiLetterUpper(s[0]));
        if (kindAt < 0)
        {
            throw new FormatException($"object '{text}': no Kind (a segment starting with an upper-case letter); expected [apiVersion/]Kind/[namespace/]name such as NetworkPolicy/shop/backend");
        }

        var apiVersion = kindAt == 0 ? null : string.Join('/', segments[..kindAt]);
        var rest = segments[(kindAt + 1)..];
        if (kindAt > 2 || rest.Length is < 1 or > 2 || Array.Exists(segments, s => s.Length == 0))
        {
            throw new FormatException($"object '{text}': expected [apiVersion/]Kind/[namespace/]name such as NetworkPolicy/shop/backend");
        }

        return rest.Length == 2
            ? new Parts(apiVersion, segments[kindAt], rest[0], rest[1])
            : new Parts(apiVersion, segments[kindAt], null, rest[0]);
    }

    /// <summary>What is wrong with these parts of a reference, or null when nothing is.</summary>
    public static string? Problem(string? apiVersion, string kind, string? @namespace, string name)
    {
        if (apiVersion is not null && (apiVersion.Length == 0 || apiVersion.Count(c => c == '/') > 1 || apiVersion.StartsWith('/') || apiVersion.EndsWith('/') || apiVersion.Any(char.IsWhiteSpace)))
        {
            return $"'{apiVersion}' is not an apiVersion such as v1 or projectcalico.org/v3";
        }

        if (kind.Length == 0 || !char.IsAsciiLetterUpper(kind[0]) || !kind.All(char.IsAsciiLetterOrDigit))
        {
            return $"'{kind}' is not a Kind such as NetworkPolicy";
        }

        return @namespace is not null && !IsName(@namespace) ? $"'{@namespace}' is not a namespace name"
            : !IsName(name) ? $"'{name}' is not an object name"
            : null;
    }

    private static bool IsName(string value) => value.Length > 0 && !value.Contains('/') && !value.Any(char.IsWhiteSpace);
}
