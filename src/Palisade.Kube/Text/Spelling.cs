using Palisade.Kube.Manifests;

namespace Palisade.Kube.Text;

/// <summary>"Did you mean …?" for a misspelt field or kind: the closest known word, when it is close enough.</summary>
public static class Spelling
{
    /// <summary>
    /// The candidate nearest to <paramref name="word"/>, or null when none is near. A word that differs only in
    /// case always matches; otherwise the edit distance (with transpositions) may be at most a third of the
    /// candidate's length, at least 1 and at most 3, so that "ingres" finds "ingress" but "order" finds no "types".
    /// Failing that, a word of four or more letters that begins a candidate finds it ("interface" → "interfaceName").
    /// </summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var limit = Math.Clamp(candidate.Length / 3, 1, 3);
            var distance = Distance(word, candidate, limit);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best ?? (word.Length >= 4
            ? candidates.Order(StringComparer.Ordinal).FirstOrDefault(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            : null);
    }

    /// <summary>
    /// The message for a field no schema knows: <c>unknown field "spec.ingres"; did you mean "ingress"?</c>
    /// (the API server would drop such a field without a word, so the author's intent is silently lost).
    /// </summary>
    public static string UnknownField(FieldPath parent, string key, IEnumerable<string> known)
    {
        var message = $"unknown field \"{parent.Child(key)}\"";
        return Suggest(key, known) is { } suggestion ? $"{message}; did you mean \"{suggestion}\"?" : message;
    }

    /// <summary>Optimal-string-alignment distance; stops early once it is sure to exceed <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit == int.MaxValue ? limit : limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
