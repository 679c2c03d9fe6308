namespace Palisade.Policy.Conftest;

/// <summary>
/// conftest's <c>--namespace</c> patterns, matched as Go's <c>path.Match</c> matches: <c>*</c> is any run of
/// characters but <c>/</c>, <c>?</c> one such character, <c>[...]</c> a class (<c>^</c> negates, <c>a-z</c> ranges,
/// <c>\</c> escapes). A dot is an ordinary character, so <c>k8s.*</c> matches <c>k8s.a.b</c>.
/// </summary>
public static class NamespacePattern
{
    public static bool HasWildcards(string pattern) => pattern.AsSpan().IndexOfAny("*?[\\") >= 0;

    /// <summary>Whether <paramref name="name"/> matches; a malformed pattern matches nothing, as Go reports ErrBadPattern.</summary>
    public static bool Matches(string pattern, string name) => Match(pattern, 0, name, 0) == true;

    /// <summary>true/false, or null when the pattern is malformed.</summary>
    private static bool? Match(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                while (p < pattern.Length && pattern[p] == '*')
                {
                    p++;
                }

                for (var i = n; i <= name.Length; i++)
                {
                    var rest = Match(pattern, p, name, i);
                    if (rest != false)
                    {
                        return rest;
                    }

                    if (i < name.Length && name[i] == '/')
                    {
                        break;
                    }
                }

                return false;
            }

            if (c == '?')
            {
                if (n >= name.Length || name[n] == '/')
                {
                    return false;
                }

                p++;
                n++;
                continue;
            }

            if (c == '[')
            {
                var (matched, next) = MatchClass(pattern, p + 1, n < name.Length ? name[n] : null);
                if (next < 0)
                {
                    return null;
                }

                if (!matched || n >= name.Length || name[n] == '/')
                {
                    return false;
                }

                p = next;
                n++;
                continue;
            }

            if (c == '\\')
            {
                p++;
                if (p >= pattern.Length)
                {
                    return null;
                }

                c = pattern[p];
            }

            if (n >= name.Length || name[n] != c)
            {
                return false;
            }

            p++;
            n++;
        }

        return n == name.Length;
    }

    /// <summary>Whether <paramref name="c"/> is in the class starting at <paramref name="p"/>, and where the class ends (-1: malformed).</summary>
    private static (bool Matched, int Next) MatchClass(string pattern, int p, char? c)
    {
        var negated = p < pattern.Length && pattern[p] == '^';
        if (negated)
        {
            p++;
        }

        var matched = false;
        var first = true;
        while (true)
        {
            if (p >= pattern.Length)
            {
                return (false, -1);
            }

            if (pattern[p] == ']' && !first)
            {
                return (matched != negated, p + 1);
            }

            first = false;
            if (!ReadClassChar(pattern, ref p, out var low))
            {
                return (false, -1);
            }

            var high = low;
            if (p < pattern.Length && pattern[p] == '-')
            {
                p++;
                if (!ReadClassChar(pattern, ref p, out high))
                {
                    return (false, -1);
                }
            }

            if (c is { } ch && low <= ch && ch <= high)
            {
                matched = true;
            }
        }
    }

    private static bool ReadClassChar(string pattern, ref int p, out char c)
    {
        c = '\0';
        if (p >= pattern.Length || pattern[p] is '-' or ']')
        {
            return false;
        }

        if (pattern[p] == '\\')
        {
            p++;
            if (p >= pattern.Length)
            {
                return false;
            }
        }

        c = pattern[p++];
        return true;
    }
}
