namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// The "Did you mean ...?" hints gqlparser (after graphql-js) adds to unknown field and argument errors: names within
/// a small edit distance of what was typed, closest first, at most five, joined as an "or" list.
/// </summary>
internal static class GraphqlSuggestions
{
    private const int MaxNameLength = 1024;

    /// <summary>" Did you mean "a" or "b"?", or empty when nothing is close.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> options)
    {
        var suggested = Closest(typed, options);
        return suggested.Count == 0 ? "" : $" Did you mean {QuotedOrList(suggested)}?";
    }

    /// <summary>The options within 40% of the typed length (plus one) in edits, ordered by distance then name.</summary>
    public static List<string> Closest(string typed, IEnumerable<string> options)
    {
        // The distance is quadratic in the names' lengths; real names are short, and a hint is not worth a hang.
        if (typed.Length > MaxNameLength)
        {
            return [];
        }

        var threshold = (typed.Length * 4 / 10) + 1;
        return options
            .Where(option => option.Length <= MaxNameLength)
            .Select(option => (Option: option, Distance: Distance(typed, option, threshold)))
            .Where(o => o.Distance <= threshold)
            .OrderBy(o => o.Distance)
            .ThenBy(o => o.Option, StringComparer.Ordinal)
            .Select(o => o.Option)
            .ToList();
    }

    /// <summary>"a", "a" or "b", "a", "b", or "c" — at most five items.</summary>
    public static string QuotedOrList(IReadOnlyList<string> items)
    {
        var quoted = items.Take(5).Select(i => $"\"{i}\"").ToList();
        if (quoted.Count == 2)
        {
            return $"{quoted[0]} or {quoted[1]}";
        }

        return quoted.Count <= 1 ? string.Concat(quoted) : $"{string.Join(", ", quoted[..^1])}, or {quoted[^1]}";
    }

    /// <summary>
    /// Edit distance with transpositions (optimal string alignment), ignoring case except that a case-only difference
    /// counts as one edit. Returns more than <paramref name="threshold"/> when the lengths alone exceed it.
    /// </summary>
    private static int Distance(string a, string b, int threshold)
    {
        if (a == b)
        {
            return 0;
        }

        var x = a.ToLowerInvariant();
        var y = b.ToLowerInvariant();
        if (x == y)
        {
            return 1;
        }

        if (Math.Abs(x.Length - y.Length) > threshold)
        {
            return threshold + 1;
        }

        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[y.Length + 1];
        }

        for (var j = 0; j <= y.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            var current = rows[i % 3];
            var previous = rows[(i - 1) % 3];
            current[0] = i;
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    best = Math.Min(best, rows[(i - 2) % 3][j - 2] + 1);
                }

                current[j] = best;
            }
        }

        return rows[x.Length % 3][y.Length];
    }
}
