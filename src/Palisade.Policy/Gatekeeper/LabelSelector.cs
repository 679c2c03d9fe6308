using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>One <c>matchExpressions</c> entry of a Kubernetes label selector.</summary>
public sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values);

/// <summary>
/// A Kubernetes label selector: every <c>matchLabels</c> pair and every <c>matchExpressions</c> requirement must hold;
/// an empty selector selects everything.
/// </summary>
public sealed record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<LabelRequirement> MatchExpressions)
{
    /// <summary>Reads a selector, rejecting what Kubernetes' validation rejects; <paramref name="where"/> names it in errors.</summary>
    public static LabelSelector Read(Value value, string where)
    {
        if (value is not ObjectValue)
        {
            throw new GatekeeperException($"{where}: a label selector must be an object");
        }

        var expressions = new List<LabelRequirement>();
        foreach (var item in value.GetArray("matchExpressions"))
        {
            var key = item.GetString("key") ?? throw new GatekeeperException($"{where}: matchExpressions entry without a key");
            var op = item.GetString("operator") ?? throw new GatekeeperException($"{where}: matchExpressions entry for {key} without an operator");
            var values = item.GetStrings("values");
            switch (op)
            {
                case "In" or "NotIn" when values.Count == 0:
                    throw new GatekeeperException($"{where}: operator {op} for {key} needs at least one value");
                case "Exists" or "DoesNotExist" when values.Count > 0:
                    throw new GatekeeperException($"{where}: operator {op} for {key} takes no values");
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    throw new GatekeeperException($"{where}: {op} is not a label selector operator (In, NotIn, Exists, DoesNotExist)");
            }

            expressions.Add(new LabelRequirement(key, op, values));
        }

        return new LabelSelector(value.GetStringMap("matchLabels"), expressions);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        MatchLabels.All(pair => labels.TryGetValue(pair.Key, out var v) && v == pair.Value)
        && MatchExpressions.All(r => Holds(r, labels));

    private static bool Holds(LabelRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        return requirement.Operator switch
        {
            "In" => present && requirement.Values.Contains(value),
            "NotIn" => !present || !requirement.Values.Contains(value),
            "Exists" => present,
            _ => !present,
        };
    }
}
