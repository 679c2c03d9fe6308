using System.Diagnostics.CodeAnalysis;

namespace Palisade.Kube.Kubernetes;

/// <summary>
/// Kubernetes' rules for label keys and values (a qualified name; a value of at most 63 characters). The API server
/// rejects objects that break them, so Palisade checks before it writes a selector into a manifest.
/// </summary>
public static class KubernetesLabels
{
    public const int MaxNameLength = 63;
    public const int MaxPrefixLength = 253;

    /// <summary>A key is [prefix/]name: the prefix a DNS-1123 subdomain, the name up to 63 letters, digits, '-', '_', '.'.</summary>
    public static bool IsValidKey(string key, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        switch (parts.Length)
        {
            case 1:
                return IsValidName(parts[0], "the name", out problem);
            case 2:
                return IsValidPrefix(parts[0], out problem) && IsValidName(parts[1], "the name after '/'", out problem);
            default:
                problem = "a key may hold at most one '/'";
                return false;
        }
    }

    /// <summary>A value is empty, or up to 63 letters, digits, '-', '_', '.', starting and ending with a letter or digit.</summary>
    public static bool IsValidValue(string value, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            problem = null;
            return true;
        }

        return IsValidName(value, "a value", out problem);
    }

    private static bool IsValidName(string name, string what, [NotNullWhen(false)] out string? problem)
    {
        problem = name switch
        {
            "" => $"{what} must not be empty",
            { Length: > MaxNameLength } => $"{what} must be at most {MaxNameLength} characters (it has {name.Length})",
            _ when !name.All(c => IsAsciiAlphanumeric(c) || c is '-' or '_' or '.') =>
                $"{what} may hold only letters, digits, '-', '_' and '.'",
            _ when !IsAsciiAlphanumeric(name[0]) || !IsAsciiAlphanumeric(name[^1]) =>
                $"{what} must start and end with a letter or digit",
            _ => null,
        };
        return problem is null;
    }

    private static bool IsValidPrefix(string prefix, [NotNullWhen(false)] out string? problem)
    {
        const string Rule = "the prefix before '/' must be a DNS subdomain: lower-case letters, digits, '-' and '.', " +
            "each dot-separated part starting and ending with a letter or digit";
        problem = prefix switch
        {
            "" => "the prefix before '/' must not be empty",
            { Length: > MaxPrefixLength } => $"the prefix before '/' must be at most {MaxPrefixLength} characters (it has {prefix.Length})",
            _ when !prefix.Split('.').All(IsDnsLabel) => Rule,
            _ => null,
        };
        return problem is null;
    }

    private static bool IsDnsLabel(string part) =>
        part.Length > 0
        && part.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && part[0] != '-'
        && part[^1] != '-';

    private static bool IsAsciiAlphanumeric(char c) => char.IsAsciiLetterOrDigit(c);
}
