namespace Palisade.Kube.Kubernetes;

/// <summary>
/// The name rules of the Kubernetes API (apimachinery's util/validation). Each check returns null for a valid
/// value, or what is wrong as a phrase that reads after the quoted value: <c>"Foo" is not a valid DNS-1123 label (…)</c>.
/// Written with plain character loops: these run on user input and need no regex engine.
/// </summary>
public static class KubernetesNames
{
    private const string SubdomainRule = "lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
    private const string NameRule = "letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

    /// <summary>Object names of most kinds, and label key prefixes: RFC 1123 subdomains of at most 253 characters.</summary>
    public static string? CheckDns1123Subdomain(string value)
    {
        if (value.Length > 253)
        {
            return "is longer than 253 characters";
        }

        return value.Length > 0 && value.Split('.').All(IsDnsLabelText)
            ? null
            : $"is not a valid DNS-1123 subdomain ({SubdomainRule})";
    }

    /// <summary>Namespace names: RFC 1123 labels of at most 63 characters.</summary>
    public static string? CheckDns1123Label(string value)
    {
        if (value.Length > 63)
        {
            return "is longer than 63 characters";
        }

        return IsDnsLabelText(value)
            ? null
            : "is not a valid DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)";
    }

    /// <summary>Label and annotation keys: a name of at most 63 characters, optionally after a DNS subdomain and '/'.</summary>
    public static string? CheckQualifiedName(string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            return "has more than one '/'";
        }

        var name = parts[^1];
        if (parts.Length == 2)
        {
            if (parts[0].Length == 0)
            {
                return "has an empty prefix before '/'";
            }

            if (CheckDns1123Subdomain(parts[0]) is { } prefixProblem)
            {
                return "has a prefix that " + prefixProblem;
            }
        }

        if (name.Length == 0)
        {
            return "has an empty name";
        }

        if (name.Length > 63)
        {
            return "has a name longer than 63 characters";
        }

        return IsQualifiedNameText(name) ? null : $"is not a valid qualified name ({NameRule}, optionally after a DNS subdomain prefix and '/')";
    }

    /// <summary>Label values: empty, or at most 63 characters of the qualified-name alphabet.</summary>
    public static string? CheckLabelValue(string value)
    {
        if (value.Length > 63)
        {
            return "is longer than 63 characters";
        }

        return value.Length == 0 || IsQualifiedNameText(value) ? null : $"is not a valid label value (empty, or {NameRule})";
    }

    /// <summary>Named ports: IANA service names (RFC 6335), lower case only.</summary>
    public static string? CheckPortName(string value)
    {
        if (value.Length > 15)
        {
            return "is not a valid port name (at most 15 characters)";
        }

        if (value.Length == 0 || !value.All(c => c == '-' || char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            return "is not a valid port name (lower-case letters, digits and '-' only)";
        }

        if (!value.Any(char.IsAsciiLetterLower))
        {
            return "is not a valid port name (it needs at least one letter)";
        }

        if (value.Contains("--", StringComparison.Ordinal))
        {
            return "is not a valid port name (no consecutive hyphens)";
        }

        return value[0] == '-' || value[^1] == '-' ? "is not a valid port name (it may not start or end with '-')" : null;
    }

    private static bool IsDnsLabelText(string label) =>
        label.Length is > 0 and <= 63
        && IsLowerAlnum(label[0])
        && IsLowerAlnum(label[^1])
        && label.All(c => c == '-' || IsLowerAlnum(c));

    private static bool IsQualifiedNameText(string name) =>
        char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => c is '-' or '_' or '.' || char.IsAsciiLetterOrDigit(c));

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
