using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetRegex = System.Text.RegularExpressions.Regex;

namespace Palisade.Rego.Builtins.Glob;

/// <summary>
/// Glob patterns as the gobwas/glob library OPA uses reads them: <c>*</c> (any run of characters except the
/// delimiters), <c>**</c> (any run at all), <c>?</c> (one character, not a delimiter), <c>[abc]</c>, <c>[a-z]</c>,
/// <c>[!…]</c>, <c>{alt1,alt2}</c> and <c>\</c> escapes. Compiled to an anchored non-backtracking regex.
/// </summary>
internal static class GlobPattern
{
    private const int CacheLimit = 100;
    private const string Pair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";
    private static readonly ConcurrentDictionary<string, NetRegex> Cache = new(StringComparer.Ordinal);

    public static bool Match(string pattern, IReadOnlyList<int> delimiters, string text)
    {
        var key = pattern + "-" + string.Concat(delimiters.Select(char.ConvertFromUtf32));
        if (!Cache.TryGetValue(key, out var regex))
        {
            regex = new NetRegex(Translate(pattern, delimiters), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            if (Cache.Count >= CacheLimit)
            {
                foreach (var old in Cache.Keys)
                {
                    Cache.TryRemove(old, out _);
                    break;
                }
            }

            Cache[key] = regex;
        }

        return regex.IsMatch(text);
    }

    /// <summary>gobwas's QuoteMeta: a backslash before each of <c>*?\[]{}</c>.</summary>
    public static string QuoteMeta(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (@"*?\[]{}".Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    internal static string Translate(string pattern, IReadOnlyList<int> delimiters)
    {
        var notDelimiter = delimiters.Count == 0
            ? $@"(?:{Pair}|[\s\S])"
            : $"(?:{Pair}|[^{string.Concat(delimiters.Select(Escape))}])";
        var output = new StringBuilder(@"\A");
        var i = 0;
        var depth = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                    {
                        output.Append(@"[\s\S]*");
                        i += 2;
                    }
                    else
                    {
                        output.Append(notDelimiter).Append('*');
                        i++;
                    }

                    continue;
                case '?':
                    output.Append(notDelimiter);
                    i++;
                    continue;
                case '[':
                    i = CharList(pattern, i, output);
                    continue;
                case '{':
                    depth++;
                    output.Append("(?:");
                    i++;
                    continue;
                case '}' when depth > 0:
                    depth--;
                    output.Append(')');
                    i++;
                    continue;
                case ',' when depth > 0:
                    output.Append('|');
                    i++;
                    continue;
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        throw new BuiltinException("unexpected end of input");
                    }

                    i++;
                    break;
            }

            var rune = Rune.GetRuneAt(pattern, i);
            output.Append(Literal(rune.Value));
            i += rune.Utf16SequenceLength;
        }

        if (depth > 0)
        {
            throw new BuiltinException("unexpected end of input");
        }

        return output.Append(@"\z").ToString();
    }

    private static int CharList(string pattern, int start, StringBuilder output)
    {
        var i = start + 1;
        var negated = i < pattern.Length && pattern[i] == '!';
        if (negated)
        {
            i++;
        }

        var items = new StringBuilder();
        var any = false;
        while (i < pattern.Length && pattern[i] != ']')
        {
            var low = Rune.GetRuneAt(pattern, i);
            i += low.Utf16SequenceLength;
            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                var high = Rune.GetRuneAt(pattern, i + 1);
                i += 1 + high.Utf16SequenceLength;
                if (high.Value < low.Value)
                {
                    throw new BuiltinException($"invalid range: {low}-{high}");
                }

                items.Append(Escape(low.Value)).Append('-').Append(Escape(high.Value));
            }
            else
            {
                items.Append(Escape(low.Value));
            }

            any = true;
        }

        if (i >= pattern.Length || !any)
        {
            throw new BuiltinException("unexpected end of input");
        }

        output.Append(negated ? $"(?:{Pair}|[^{items}])" : $"[{items}]");
        return i + 1;
    }

    private static string Literal(int rune) =>
        rune > 0xFFFF ? string.Concat(char.ConvertFromUtf32(rune).Select(u => Escape(u))) : Escape(rune);

    private static string Escape(int unit) => @"\u" + unit.ToString("X4", CultureInfo.InvariantCulture);
}
