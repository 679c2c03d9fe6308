using System.Globalization;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Schema;

/// <summary>Checks of arrays: item count, items, and the uniqueness that list types set and map demand.</summary>
internal sealed partial class SchemaValidator
{
    private void ValidateSequence(SequenceNode sequence, StructuralSchema schema, FieldPath path)
    {
        CheckCount(sequence.Location, path, sequence.Count, schema.MinItems, schema.MaxItems, "item", "items");
        if (schema.Items is { } itemSchema)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                Validate(sequence.Items[i], itemSchema, path.Index(i));
            }
        }

        if (schema.ListType == "map" && schema.ListMapKeys.Count > 0)
        {
            CheckUnique(sequence, path, item => MapKey(item, schema), key => $"duplicate entry with {key}");
        }
        else if (schema.ListType == "set" || schema.UniqueItems)
        {
            CheckUnique(sequence, path, item => item, _ => null);
        }
    }

    /// <summary>
    /// Reports every item equal to an earlier one. Scalars are hashed by a canonical key; objects and arrays,
    /// rare in sets, are compared with the earlier ones one by one.
    /// </summary>
    private void CheckUnique(SequenceNode sequence, FieldPath path, Func<ManifestNode, object> identity, Func<string, string?> describe)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var complex = new List<ManifestNode>();
        for (var i = 0; i < sequence.Count; i++)
        {
            var item = sequence.Items[i];
            var id = identity(item);
            var duplicate = id switch
            {
                string key => !seen.Add(key),
                ScalarNode scalar => !seen.Add(CanonicalKey(scalar)),
                ManifestNode node when complex.Any(c => NodeEquality.Equal(c, node)) => true,
                ManifestNode node => AddComplex(complex, node),
                _ => false,
            };
            if (duplicate)
            {
                var message = id is string key2 ? describe(key2)! : $"duplicate entry {ValueText.Render(item)}";
                Add(item.Location, path.Index(i), message);
            }
        }
    }

    private static bool AddComplex(List<ManifestNode> complex, ManifestNode node)
    {
        complex.Add(node);
        return false;
    }

    /// <summary>The key fields of a list-map item, written <c>type="Ready"</c>; a missing key takes its default.</summary>
    private static string MapKey(ManifestNode item, StructuralSchema listSchema)
    {
        var parts = listSchema.ListMapKeys.Select(name =>
        {
            var value = item is MappingNode mapping ? mapping[name] ?? listSchema.Items?.FieldSchema(name)?.Default : null;
            return $"{name}={ValueText.Render(value)}";
        });
        return string.Join(", ", parts);
    }

    private static string CanonicalKey(ScalarNode scalar) => scalar.Kind switch
    {
        ScalarKind.Integer => "n:" + scalar.AsInteger.ToString(CultureInfo.InvariantCulture),
        ScalarKind.Float when double.IsFinite(scalar.AsDouble) && Math.Floor(scalar.AsDouble) == scalar.AsDouble
            => "n:" + new System.Numerics.BigInteger(scalar.AsDouble).ToString(CultureInfo.InvariantCulture),
        ScalarKind.Float => "f:" + scalar.AsDouble.ToString("R", CultureInfo.InvariantCulture),
        ScalarKind.String => "s:" + scalar.AsString,
        ScalarKind.Bool => scalar.AsBool ? "true" : "false",
        _ => "null",
    };
}
