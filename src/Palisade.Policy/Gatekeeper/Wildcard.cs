namespace Palisade.Policy.Gatekeeper;

/// <summary>Gatekeeper's name globs: <c>kube-*</c> matches by prefix, <c>*-system</c> by suffix, anything else exactly.</summary>
public static class Wildcard
{
    public static bool Matches(string pattern, string value)
    {
        if (pattern.StartsWith('*'))
        {
            return value.EndsWith(pattern[1..], StringComparison.Ordinal);
        }

        return pattern.EndsWith('*')
            ? value.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, value, StringComparison.Ordinal);
    }
}
