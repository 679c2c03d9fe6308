using System.Text.RegularExpressions;

namespace Palisade.Sandbox.Validation;

/// <summary>The name rules of the served kinds: DNS subdomains, DNS labels for namespaces, path segments for RBAC objects (which may hold ':').</summary>
internal static partial class ObjectNames
{
    private const string SubdomainRegex = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string LabelRegex = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    /// <summary>Why the name is not valid for the resource, in the real server's words; null when it is.</summary>
    public static string? Problem(SandboxResource resource, string name)
    {
        if (resource.Group == "rbac.authorization.k8s.io")
        {
            return name is "." or ".." || name.Contains('/') || name.Contains('%') ? $"may not contain '/' or '%' and may not be '.' or '..'" : null;
        }

        if (resource.Group.Length == 0 && resource.Plural == "namespaces")
        {
            return name.Length <= 63 && Label().IsMatch(name)
                ? null
                : $"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '{LabelRegex}')";
        }

        return name.Length <= 253 && Subdomain().IsMatch(name)
            ? null
            : $"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '{SubdomainRegex}')";
    }

    /// <summary>A generated name: the prefix and five characters from the alphabet Kubernetes uses (no vowels, no look-alikes).</summary>
    public static string Generate(string prefix)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var suffix = new char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return prefix + new string(suffix);
    }

    [GeneratedRegex("^" + SubdomainRegex + "$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^" + LabelRegex + "$")]
    private static partial Regex Label();
}
