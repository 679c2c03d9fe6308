using Palisade.Kube.Manifests;
using Palisade.Kube.Schema.Cel;

namespace Palisade.Kube.Schema;

/// <summary>
/// A manifest node as a CEL rule sees it on the API server: the object after pruning and defaulting. Fields the
/// schema does not know are gone, null values of non-nullable fields are gone, a missing field with a default has
/// its default, and a <c>type: number</c> field is a double even when written as 10. Views are lazy: nothing is copied.
/// </summary>
internal static class CelData
{
    public static object FromNode(ManifestNode node, StructuralSchema? schema) => node switch
    {
        MappingNode mapping => new NodeMap(mapping, schema),
        SequenceNode sequence => new NodeList(sequence, schema?.Items),
        ScalarNode scalar => FromScalar(scalar, schema),
        _ => CelNull.Value,
    };

    private static object FromScalar(ScalarNode scalar, StructuralSchema? schema)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.String:
                return scalar.AsString;
            case ScalarKind.Bool:
                return scalar.AsBool;
            case ScalarKind.Integer when schema?.Type == "number":
                return scalar.AsDouble;
            case ScalarKind.Integer:
                var value = scalar.AsInteger;
                return value >= long.MinValue && value <= long.MaxValue
                    ? (long)value
                    : throw new CelEvaluationException($"integer {value} is out of CEL's 64-bit range");
            case ScalarKind.Float when schema?.Type == "integer" && IsWhole(scalar.AsDouble):
                return (long)scalar.AsDouble;
            case ScalarKind.Float:
                return scalar.AsDouble;
            default:
                return CelNull.Value;
        }
    }

    private static bool IsWhole(double d) => double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9.2e18;

    private sealed class NodeMap(MappingNode node, StructuralSchema? schema) : CelMap
    {
        private IReadOnlyList<(string Key, ManifestNode Value)>? _visible;

        private IReadOnlyList<(string Key, ManifestNode Value)> Visible => _visible ??= ComputeVisible();

        public override int Count => Visible.Count;

        public override IEnumerable<object> Keys => Visible.Select(e => (object)e.Key);

        public override bool TryGet(object key, out object value)
        {
            foreach (var entry in Visible)
            {
                if (key is string name && entry.Key == name)
                {
                    value = FromNode(entry.Value, schema?.FieldSchema(name));
                    return true;
                }
            }

            value = CelNull.Value;
            return false;
        }

        private List<(string, ManifestNode)> ComputeVisible()
        {
            var visible = new List<(string, ManifestNode)>();
            foreach (var entry in node.Entries)
            {
                var fieldSchema = schema?.FieldSchema(entry.Key);
                var pruned = schema is not null && !schema.KeepsField(entry.Key);
                var nullDropped = entry.Value is ScalarNode { IsNull: true } && schema is not null && fieldSchema?.Nullable != true;
                if (!pruned && !nullDropped)
                {
                    visible.Add((entry.Key, entry.Value));
                }
            }

            if (schema is not null)
            {
                foreach (var (name, property) in schema.Properties)
                {
                    if (property.Default is { } fallback && !visible.Any(v => v.Item1 == name))
                    {
                        visible.Add((name, fallback));
                    }
                }
            }

            return visible;
        }
    }

    private sealed class NodeList(SequenceNode node, StructuralSchema? itemSchema) : CelList
    {
        public override int Count => node.Count;

        public override object this[int index] => FromNode(node.Items[index], itemSchema);
    }
}
