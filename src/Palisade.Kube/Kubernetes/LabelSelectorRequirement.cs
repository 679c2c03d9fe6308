using System.Text.Json.Nodes;

namespace Palisade.Kube.Kubernetes;

/// <summary>The operators of a Kubernetes label selector requirement, spelled as the API spells them.</summary>
public static class LabelSelectorOperator
{
    public const string In = "In";
    public const string NotIn = "NotIn";
    public const string Exists = "Exists";
    public const string DoesNotExist = "DoesNotExist";
}

/// <summary>One entry of a Kubernetes label selector's matchExpressions. Compares by content.</summary>
public sealed record LabelSelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    /// <summary>True when the labels satisfy the requirement, by Kubernetes' rules (NotIn also matches an absent key).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelSelectorOperator.In => present && Values.Contains(value, StringComparer.Ordinal),
            LabelSelectorOperator.NotIn => !present || !Values.Contains(value, StringComparer.Ordinal),
            LabelSelectorOperator.Exists => present,
            LabelSelectorOperator.DoesNotExist => !present,
            _ => throw new InvalidOperationException($"unknown label selector operator '{Operator}'"),
        };
    }

    /// <summary>The requirement as the API writes it; values are left out when there are none, as Kubernetes does.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["key"] = Key, ["operator"] = Operator };
        if (Values.Count > 0)
        {
            json["values"] = new JsonArray(Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return json;
    }

    public bool Equals(LabelSelectorRequirement? other) =>
        other is not null && Key == other.Key && Operator == other.Operator && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Key, Operator, Values.Count);
}
