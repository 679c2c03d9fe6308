using System.Text.Json.Nodes;

namespace Palisade.Kube.Kubernetes;

/// <summary>
/// A Kubernetes label selector (metav1.LabelSelector): every matchLabels pair and every requirement must hold.
/// An empty selector matches everything. Compares by content; the order of matchLabels does not matter.
/// </summary>
public sealed record LabelSelector(
    IReadOnlyDictionary<string, string> MatchLabels,
    IReadOnlyList<LabelSelectorRequirement> MatchExpressions)
{
    /// <summary>The selector that matches everything: <c>{}</c>.</summary>
    public static LabelSelector Everything { get; } = new(new Dictionary<string, string>(), []);

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        MatchLabels.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value)
        && MatchExpressions.All(requirement => requirement.Matches(labels));

    /// <summary>
    /// The selector as the API writes it, with empty parts left out (so match-everything is <c>{}</c>) and
    /// matchLabels in key order, so that generated manifests do not change from one run to the next.
    /// </summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (MatchLabels.Count > 0)
        {
            var labels = new JsonObject();
            foreach (var pair in MatchLabels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                labels[pair.Key] = pair.Value;
            }

            json["matchLabels"] = labels;
        }

        if (MatchExpressions.Count > 0)
        {
            json["matchExpressions"] = new JsonArray(MatchExpressions.Select(r => (JsonNode?)r.ToJson()).ToArray());
        }

        return json;
    }

    public bool Equals(LabelSelector? other) =>
        other is not null
        && MatchLabels.Count == other.MatchLabels.Count
        && MatchLabels.All(pair => other.MatchLabels.TryGetValue(pair.Key, out var value) && value == pair.Value)
        && MatchExpressions.SequenceEqual(other.MatchExpressions);

    public override int GetHashCode() => HashCode.Combine(MatchLabels.Count, MatchExpressions.Count);
}
