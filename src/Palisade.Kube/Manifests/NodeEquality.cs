using System.Numerics;

namespace Palisade.Kube.Manifests;

/// <summary>
/// Equality of values as JSON sees them, which is what enums, sets and list-map keys compare:
/// 1 and 1.0 are equal, key order does not matter, locations are ignored.
/// </summary>
public static class NodeEquality
{
    public static bool Equal(ManifestNode? a, ManifestNode? b) => (a, b) switch
    {
        (null, null) => true,
        (ScalarNode x, ScalarNode y) => ScalarsEqual(x, y),
        (SequenceNode x, SequenceNode y) => x.Count == y.Count && x.Items.Zip(y.Items).All(p => Equal(p.First, p.Second)),
        (MappingNode x, MappingNode y) => x.Count == y.Count && x.Entries.All(e => y.TryGetEntry(e.Key, out var other) && Equal(e.Value, other.Value)),
        _ => false,
    };

    private static bool ScalarsEqual(ScalarNode x, ScalarNode y)
    {
        if (IsNumber(x) && IsNumber(y))
        {
            return x.Kind == ScalarKind.Integer && y.Kind == ScalarKind.Integer
                ? x.AsInteger == y.AsInteger
                : IsIntegral(x, out var xi) && IsIntegral(y, out var yi) ? xi == yi : x.AsDouble.Equals(y.AsDouble);
        }

        return x.Kind == y.Kind && Equals(x.Value, y.Value);
    }

    private static bool IsNumber(ScalarNode node) => node.Kind is ScalarKind.Integer or ScalarKind.Float;

    private static bool IsIntegral(ScalarNode node, out BigInteger value)
    {
        if (node.Kind == ScalarKind.Integer)
        {
            value = node.AsInteger;
            return true;
        }

        var d = node.AsDouble;
        if (double.IsFinite(d) && Math.Floor(d) == d)
        {
            value = new BigInteger(d);
            return true;
        }

        value = default;
        return false;
    }
}
