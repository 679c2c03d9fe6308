using Palisade.Sandbox.Http;

namespace Palisade.Sandbox.Selection;

/// <summary>
/// A labelSelector query parameter: requirements joined by commas, each <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>,
/// <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c> (exists) or <c>!k</c> (does not exist).
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) => this.requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part, string whole)
    {
        if (part.Length == 0)
        {
            throw Invalid(whole);
        }

        if (part.StartsWith('!'))
        {
            var absent = Key(part[1..], whole);
            return labels => !labels.ContainsKey(absent);
        }

        foreach (var (op, negated) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = Key(part[..at], whole);
                var set = part[(at + op.Length)..].Trim();
                if (!set.StartsWith('(') || !set.EndsWith(')'))
                {
                    throw Invalid(whole);
                }

                var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                // notin also matches objects without the label, as in Kubernetes.
                return negated
                    ? labels => !labels.TryGetValue(key, out var v) || !values.Contains(v)
                    : labels => labels.TryGetValue(key, out var v) && values.Contains(v);
            }
        }

        foreach (var (op, negated) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = Key(part[..at], whole);
                var value = part[(at + op.Length)..].Trim();
                return negated
                    ? labels => !labels.TryGetValue(key, out var v) || v != value
                    : labels => labels.TryGetValue(key, out var v) && v == value;
            }
        }

        var present = Key(part, whole);
        return labels => labels.ContainsKey(present);
    }

    private static string Key(string text, string whole)
    {
        var key = text.Trim();
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '=' or '!' or ','))
        {
            throw Invalid(whole);
        }

        return key;
    }

    /// <summary>Splits on the commas between requirements, not those inside an in/notin set.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static ApiError Invalid(string text) => ApiError.BadRequest($"unable to parse requirement: invalid label selector: \"{text}\"");
}
