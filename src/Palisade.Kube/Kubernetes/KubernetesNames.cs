using System.Text.RegularExpressions;

namespace Palisade.Kube.Kubernetes;

/// <summary>The API server's rules for object names, namespaces and labels; each check returns why a value fails, or null.</summary>
public static partial class KubernetesNames
{
    public static string? CheckSubdomain(string value)
    {
        if (value.Length == 0)
        {
            return "must not be empty";
        }

        if (value.Length > 253)
        {
            return $"must be at most 253 characters (it has {value.Length})";
        }

        return Subdomain().IsMatch(value)
            ? null
            : "must be lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
    }

    public static string? CheckLabel(string value)
    {
        if (value.Length == 0)
        {
            return "must not be empty";
        }

        if (value.Length > 63)
        {
            return $"must be at most 63 characters (it has {value.Length})";
        }

        return DnsLabel().IsMatch(value)
            ? null
            : "must be lowercase letters, digits and '-', starting and ending with a letter or digit";
    }

    public static string? CheckLabelKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (CheckSubdomain(prefix) is { } prefixProblem)
            {
                return $"prefix \"{prefix}\" {prefixProblem}";
            }
        }

        if (name.Length == 0)
        {
            return "name part must not be empty";
        }

        if (name.Length > 63)
        {
            return $"name part must be at most 63 characters (it has {name.Length})";
        }

        return QualifiedName().IsMatch(name)
            ? null
            : "name part must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    }

    public static string? CheckLabelValue(string value)
    {
        if (value.Length > 63)
        {
            return $"must be at most 63 characters (it has {value.Length})";
        }

        return value.Length == 0 || QualifiedName().IsMatch(value)
            ? null
            : "must be empty or letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.NonBacktracking)]
    private static partial Regex Subdomain();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.NonBacktracking)]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.NonBacktracking)]
    private static partial Regex QualifiedName();
}
