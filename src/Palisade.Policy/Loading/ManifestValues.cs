using Palisade.Kube.Manifests;
using Palisade.Rego.Values;

namespace Palisade.Policy.Loading;

/// <summary>Manifest nodes as Rego values, directly (no JSON text in between); numbers keep their exact value.</summary>
public static class ManifestValues
{
    public static Value ToValue(ManifestNode? node) => node switch
    {
        null => NullValue.Instance,
        MappingNode mapping => ObjectValue.Of(mapping.Entries.Select(e => new KeyValuePair<Value, Value>(StringValue.Of(e.Key), ToValue(e.Value)))),
        SequenceNode sequence => ArrayValue.Of(sequence.Items.Select(ToValue)),
        ScalarNode scalar => scalar.Kind switch
        {
            ScalarKind.Null => NullValue.Instance,
            ScalarKind.Bool => BooleanValue.Of(scalar.AsBool),
            ScalarKind.Integer => NumberValue.Of(scalar.AsInteger),
            ScalarKind.Float when double.IsFinite(scalar.AsDouble) => NumberValue.Of(scalar.AsDouble),
            ScalarKind.Float => throw new ManifestException(scalar.Location, $"{scalar.Text} is not a number Rego can hold"),
            _ => StringValue.Of(scalar.AsString),
        },
        _ => throw new ArgumentException($"unknown node {node.GetType().Name}", nameof(node)),
    };
}
