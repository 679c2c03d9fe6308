using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using NetRegex = System.Text.RegularExpressions.Regex;

namespace Palisade.Rego.Builtins.RegularExpressions;

/// <summary>
/// A compiled RE2 pattern with Go's regexp semantics for the operations OPA uses: matching, finding all matches
/// (Go's rules for empty matches), splitting, and replacing with Go's <c>$name</c> expansion.
/// </summary>
internal sealed class GoRegex
{
    private const int CacheLimit = 100;
    private static readonly ConcurrentDictionary<string, GoRegex> Cache = new(StringComparer.Ordinal);

    private readonly NetRegex _regex;
    private readonly IReadOnlyList<string?> _groupNames;

    private GoRegex(NetRegex regex, IReadOnlyList<string?> groupNames)
    {
        _regex = regex;
        _groupNames = groupNames;
    }

    /// <summary>Compiles (or finds in the bounded cache) a pattern; throws Go's message for invalid syntax.</summary>
    public static GoRegex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var compiled = Compile(pattern);
        if (Cache.Count >= CacheLimit)
        {
            // Like OPA, make room by dropping an arbitrary entry.
            foreach (var key in Cache.Keys)
            {
                Cache.TryRemove(key, out _);
                break;
            }
        }

        Cache[pattern] = compiled;
        return compiled;
    }

    public static GoRegex Compile(string pattern)
    {
        var (translated, names) = Re2Translator.Translate(pattern);
        try
        {
            return new GoRegex(new NetRegex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant), names);
        }
        catch (ArgumentException e)
        {
            // Something valid in RE2 that the translation could not express.
            throw new BuiltinException($"error parsing regexp: {e.Message}: `{pattern}`");
        }
        catch (NotSupportedException e)
        {
            throw new BuiltinException($"error parsing regexp: {e.Message}: `{pattern}`");
        }
    }

    public static bool IsValid(string pattern)
    {
        try
        {
            Re2Translator.Translate(pattern);
            return true;
        }
        catch (BuiltinException)
        {
            return false;
        }
    }

    public bool IsMatch(string text) => _regex.IsMatch(text);

    /// <summary>
    /// Successive matches as Go finds them: an empty match right after the previous match is skipped, and matches
    /// never start inside a surrogate pair. n &lt; 0 means all.
    /// </summary>
    public IEnumerable<Match> Matches(string text, int n)
    {
        if (n == 0)
        {
            yield break;
        }

        var count = 0;
        var previousEnd = -1;
        for (var match = _regex.Match(text); match.Success; match = match.NextMatch())
        {
            var end = match.Index + match.Length;
            if (match.Length == 0 && (match.Index == previousEnd || InsidePair(text, match.Index)))
            {
                continue;
            }

            previousEnd = end;
            yield return match;
            if (++count == n)
            {
                yield break;
            }
        }
    }

    private static bool InsidePair(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]);

    /// <summary>Go's Regexp.Split(s, -1).</summary>
    public List<string> Split(string text)
    {
        if (text.Length == 0)
        {
            return [""];
        }

        var parts = new List<string>();
        var begin = 0;
        var end = 0;
        foreach (var match in Matches(text, -1))
        {
            end = match.Index;
            if (match.Index + match.Length != 0)
            {
                parts.Add(text[begin..end]);
            }

            begin = match.Index + match.Length;
        }

        if (end != text.Length)
        {
            parts.Add(text[begin..]);
        }

        return parts;
    }

    /// <summary>The text of each group of a match; groups that did not take part are empty.</summary>
    public string[] Groups(Match match)
    {
        var groups = new string[_groupNames.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = match.Groups[i].Success ? match.Groups[i].Value : "";
        }

        return groups;
    }

    /// <summary>Go's Regexp.ReplaceAllString: each match replaced by the template expanded against it.</summary>
    public string ReplaceAll(string text, string template)
    {
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (var match in Matches(text, -1))
        {
            builder.Append(text, last, match.Index - last);
            Expand(builder, template, match);
            last = match.Index + match.Length;
        }

        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }

    /// <summary>
    /// Go's Regexp.Expand: $$ is a dollar; $name and ${name} are groups by number or name, where a bare name takes
    /// the longest run of letters, digits and underscores ($1x is group "1x"); unknown groups expand to nothing.
    /// </summary>
    private void Expand(StringBuilder builder, string template, Match match)
    {
        var i = 0;
        while (i < template.Length)
        {
            var dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                builder.Append(template, i, template.Length - i);
                return;
            }

            builder.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                builder.Append('$');
                i++;
                continue;
            }

            var braced = i < template.Length && template[i] == '{';
            var start = braced ? i + 1 : i;
            var end = start;
            while (end < template.Length && (char.IsAsciiLetterOrDigit(template[end]) || template[end] == '_'))
            {
                end++;
            }

            if (end == start || (braced && (end >= template.Length || template[end] != '}')))
            {
                // Not a group reference: the dollar is kept as text.
                builder.Append('$');
                continue;
            }

            var name = template[start..end];
            i = braced ? end + 1 : end;
            var group = GroupIndex(name);
            if (group >= 0 && match.Groups[group].Success)
            {
                builder.Append(match.Groups[group].Value);
            }
        }
    }

    private int GroupIndex(string name)
    {
        if (name.All(char.IsAsciiDigit))
        {
            return name.Length < 9 && int.Parse(name, System.Globalization.CultureInfo.InvariantCulture) is var n && n < _groupNames.Count ? n : -1;
        }

        for (var i = 1; i < _groupNames.Count; i++)
        {
            if (_groupNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
