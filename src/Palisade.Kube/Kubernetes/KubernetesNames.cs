using System.Text.RegularExpressions;

namespace Palisade.Kube.Kubernetes;

/// <summary>The API server's rules for object and namespace names; each check returns why a value fails, or null.</summary>
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

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.NonBacktracking)]
    private static partial Regex Subdomain();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.NonBacktracking)]
    private static partial Regex DnsLabel();
}
