using System.Text;
using System.Text.RegularExpressions;

namespace Palisade.Kube.Schema;

/// <summary>
/// Compiles a pattern written for Go's RE2 (OpenAPI <c>pattern</c>, CEL <c>matches</c>) as a .NET regex with
/// linear-time matching, so no pattern or input can make a check run away. The few places where .NET reads the
/// same text differently are translated: <c>$</c> matches only at the very end (not before a final newline),
/// <c>\d \w \s</c> are ASCII-only, and <c>(?P&lt;name&gt;</c> groups are accepted. RE2 has no backreferences or
/// lookaround, and NonBacktracking refuses them too.
/// </summary>
public static class Re2Pattern
{
    private const int CacheLimit = 512;
    private static readonly Dictionary<string, Regex> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    /// <summary>The compiled pattern; an <see cref="ArgumentException"/> when it is not valid.</summary>
    public static Regex Compile(string pattern)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(pattern, out var cached))
            {
                return cached;
            }
        }

        Regex regex;
        try
        {
            regex = new Regex(Translate(pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException("lookaround, backreferences and atomic groups are not supported (RE2 has none)", ex);
        }
        lock (CacheLock)
        {
            if (Cache.Count >= CacheLimit)
            {
                Cache.Clear();
            }

            Cache[pattern] = regex;
        }

        return regex;
    }

    internal static string Translate(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                result.Append(next switch
                {
                    'd' => inClass ? "0-9" : "[0-9]",
                    'D' => inClass ? "\\D" : "[^0-9]",
                    'w' => inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]",
                    'W' => inClass ? "\\W" : "[^0-9A-Za-z_]",
                    's' => inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]",
                    'S' => inClass ? "\\S" : "[^\\t\\n\\f\\r ]",
                    _ => "\\" + next,
                });
            }
            else if (inClass)
            {
                inClass = c != ']' || result[^1] == '[' || (result.Length >= 2 && result[^1] == '^' && result[^2] == '[');
                result.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                result.Append(c);
            }
            else if (c == '$')
            {
                result.Append("\\z");
            }
            else if (c == '(' && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                result.Append("(?<");
                i += 3;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
