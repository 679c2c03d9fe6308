using System.Text.Json.Nodes;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Selection;

/// <summary>
/// A metav1.LabelSelector object, as webhooks' namespaceSelector and objectSelector hold it: matchLabels and
/// matchExpressions (In, NotIn, Exists, DoesNotExist), all of which must hold. An absent or empty selector selects
/// everything.
/// </summary>
internal sealed class LabelSelectorSpec
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements;

    private LabelSelectorSpec(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) => this.requirements = requirements;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r(labels));

    /// <summary>Reads a selector; a <see cref="FormatException"/> names what is wrong with one kube-apiserver would not have stored.</summary>
    public static LabelSelectorSpec Parse(JsonNode? node)
    {
        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        if (node is null)
        {
            return new LabelSelectorSpec(requirements);
        }

        if (node is not JsonObject selector)
        {
            throw new FormatException("a label selector must be an object");
        }

        if (selector["matchLabels"] is JsonObject matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                var wanted = JsonText.Of(value) ?? throw new FormatException($"matchLabels.{key}: the value must be a string");
                requirements.Add(labels => labels.TryGetValue(key, out var v) && v == wanted);
            }
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).Select(Expression))
        {
            requirements.Add(expression);
        }

        return new LabelSelectorSpec(requirements);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> Expression(JsonNode? node)
    {
        var key = JsonText.Of(node?["key"]) ?? throw new FormatException("matchExpressions: every expression needs a key");
        var values = (node?["values"] as JsonArray ?? []).Select(v => JsonText.Of(v) ?? "").ToHashSet(StringComparer.Ordinal);
        return JsonText.Of(node?["operator"]) switch
        {
            "In" when values.Count > 0 => labels => labels.TryGetValue(key, out var v) && values.Contains(v),
            // NotIn also selects objects without the label, as in Kubernetes.
            "NotIn" when values.Count > 0 => labels => !labels.TryGetValue(key, out var v) || !values.Contains(v),
            "Exists" when values.Count == 0 => labels => labels.ContainsKey(key),
            "DoesNotExist" when values.Count == 0 => labels => !labels.ContainsKey(key),
            "In" or "NotIn" => throw new FormatException($"matchExpressions {key}: values must be non-empty for In and NotIn"),
            "Exists" or "DoesNotExist" => throw new FormatException($"matchExpressions {key}: values must be empty for Exists and DoesNotExist"),
            var other => throw new FormatException($"matchExpressions {key}: \"{other}\" is not a valid label selector operator"),
        };
    }
}
