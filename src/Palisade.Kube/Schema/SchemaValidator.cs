using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;
using Palisade.Kube.Text;

namespace Palisade.Kube.Schema;

/// <summary>
/// Validates a value against a structural schema the way the API server validates a custom resource, and reports
/// more than it would: fields it silently prunes are errors here, with a spelling suggestion. Messages start with
/// the field's path. This part dispatches on the value's type; the other parts check scalars, lists and rules.
/// </summary>
internal sealed partial class SchemaValidator
{
    private static readonly string[] TypeFields = ["apiVersion", "kind"];

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly bool _inBranch;

    // Errors of the kinds the API server treats as blocking (wrong type, missing, over a limit, not in an enum):
    // rules on the nodes above such an error do not run, since they would read a value that is not there.
    private int _blocking;

    private SchemaValidator(bool inBranch) => _inBranch = inBranch;

    // Set when the object's metadata has no usable name: the root's rules read it, so they do not run.
    private bool _rootRulesBlocked;

    /// <summary>The problems of a whole object; <c>metadata</c> is left to <see cref="ObjectMetaValidator"/>.</summary>
    public static IReadOnlyList<Diagnostic> ValidateObject(MappingNode obj, StructuralSchema root, bool metadataUsable)
    {
        var validator = new SchemaValidator(inBranch: false) { _rootRulesBlocked = !metadataUsable };
        validator.Validate(obj, root, FieldPath.Root, isRoot: true);
        return validator._diagnostics;
    }

    private void Validate(ManifestNode node, StructuralSchema schema, FieldPath path, bool isRoot = false)
    {
        var blockingBefore = _blocking;
        if (node is ScalarNode { IsNull: true })
        {
            if (!schema.Nullable && (schema.Type is not null || schema.IntOrString))
            {
                Block(node.Location, path, $"expected {ExpectedType(schema)}, got null");
            }

            return;
        }

        if (!HasExpectedType(node, schema))
        {
            Block(node.Location, path, $"expected {ExpectedType(schema)}, got {ValueText.JsonType(node)}");
            return;
        }

        if (schema.Enum is { } allowed && !allowed.Any(a => NodeEquality.Equal(a, node)))
        {
            Block(node.Location, path, $"{ValueText.Render(node)} is not one of {string.Join(", ", allowed.Select(ValueText.RenderBare))}");
        }

        switch (node)
        {
            case MappingNode mapping:
                ValidateMapping(mapping, schema, path, isRoot);
                break;
            case SequenceNode sequence:
                ValidateSequence(sequence, schema, path);
                break;
            case ScalarNode scalar:
                ValidateScalar(scalar, schema, path);
                break;
        }

        ValidateCombinators(node, schema, path);
        if (!_inBranch && _blocking == blockingBefore && !(isRoot && _rootRulesBlocked))
        {
            RunRules(node, schema, path, isRoot);
        }
    }

    private static bool HasExpectedType(ManifestNode node, StructuralSchema schema)
    {
        if (schema.IntOrString)
        {
            return node is ScalarNode { Kind: ScalarKind.Integer or ScalarKind.String };
        }

        return schema.Type switch
        {
            "object" => node is MappingNode,
            "array" => node is SequenceNode,
            "string" => node is ScalarNode { Kind: ScalarKind.String },
            "boolean" => node is ScalarNode { Kind: ScalarKind.Bool },
            "number" => node is ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float },
            // JSON has one number type: 2.0 is an integer to the API server.
            "integer" => node is ScalarNode { Kind: ScalarKind.Integer } || (node is ScalarNode { Kind: ScalarKind.Float } f && double.IsFinite(f.AsDouble) && Math.Floor(f.AsDouble) == f.AsDouble),
            _ => true,
        };
    }

    private static string ExpectedType(StructuralSchema schema) => schema.IntOrString ? "integer or string" : schema.Type ?? "a value";

    private void ValidateMapping(MappingNode mapping, StructuralSchema schema, FieldPath path, bool isRoot)
    {
        // The API server drops null values of non-nullable fields before it validates, so they count as absent.
        var present = mapping.Entries
            .Where(e => e.Value is not ScalarNode { IsNull: true } || schema.FieldSchema(e.Key)?.Nullable == true)
            .Select(e => e.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var fieldSchema = schema.FieldSchema(entry.Key);
            var fieldPath = schema.Properties.ContainsKey(entry.Key) ? path.Child(entry.Key) : path.Key(entry.Key);
            if ((isRoot || schema.EmbeddedResource) && entry.Key is "apiVersion" or "kind" or "metadata")
            {
                ValidateResourceField(entry, path, isRoot);
            }
            else if (fieldSchema is not null)
            {
                if (present.Contains(entry.Key))
                {
                    Validate(entry.Value, fieldSchema, fieldPath);
                }
            }
            else if (!schema.KeepsField(entry.Key) && !_inBranch)
            {
                _diagnostics.Add(new Diagnostic(entry.KeyLocation, Spelling.UnknownField(path, entry.Key, schema.Properties.Keys)));
            }
        }

        foreach (var name in schema.Required)
        {
            if (!present.Contains(name) && schema.FieldSchema(name)?.Default is null)
            {
                Block(mapping.Location, path, $"missing required field \"{name}\"");
            }
        }

        if (schema.EmbeddedResource && !isRoot)
        {
            foreach (var name in TypeFields.Where(n => !present.Contains(n)))
            {
                Block(mapping.Location, path, $"missing required field \"{name}\"");
            }

            // An embedded object's metadata is ObjectMeta, with the name optional (a template's objects get theirs later).
            if (mapping["metadata"] is MappingNode)
            {
                _diagnostics.AddRange(ObjectMetaValidator.Validate(mapping, path, "embedded object", namespaced: true, nameRequired: false));
            }
        }

        CheckCount(mapping.Location, path, mapping.Count, schema.MinProperties, schema.MaxProperties, "property", "properties");
    }

    private void ValidateResourceField(MappingEntry entry, FieldPath path, bool isRoot)
    {
        var fieldPath = path.Child(entry.Key);
        if (entry.Key != "metadata")
        {
            if (entry.Value is not ScalarNode { Kind: ScalarKind.String })
            {
                Block(entry.Value.Location, fieldPath, $"expected string, got {ValueText.JsonType(entry.Value)}");
            }
        }
        else if (!isRoot && entry.Value is not MappingNode)
        {
            Block(entry.Value.Location, fieldPath, $"expected object, got {ValueText.JsonType(entry.Value)}");
        }
    }

    private void ValidateCombinators(ManifestNode node, StructuralSchema schema, FieldPath path)
    {
        foreach (var part in schema.AllOf)
        {
            Validate(node, part, path);
        }

        if (schema.AnyOf.Count > 0)
        {
            var outcomes = schema.AnyOf.Select(branch => Branch(node, branch, path)).ToList();
            if (outcomes.All(o => o.Count > 0))
            {
                Add(node.Location, path, $"matches none of the alternatives in anyOf: {Summarize(outcomes, path)}");
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var outcomes = schema.OneOf.Select(branch => Branch(node, branch, path)).ToList();
            var matching = outcomes.Select((o, i) => (o, i)).Where(x => x.o.Count == 0).Select(x => x.i + 1).ToList();
            if (matching.Count == 0)
            {
                Add(node.Location, path, $"matches none of the alternatives in oneOf: {Summarize(outcomes, path)}");
            }
            else if (matching.Count > 1)
            {
                Add(node.Location, path, $"matches alternatives {string.Join(" and ", matching)} of oneOf, but must match exactly one");
            }
        }

        if (schema.Not is { } not && Branch(node, not, path).Count == 0)
        {
            Add(node.Location, path, "must not match the schema under \"not\"");
        }
    }

    private static List<Diagnostic> Branch(ManifestNode node, StructuralSchema branch, FieldPath path)
    {
        var validator = new SchemaValidator(inBranch: true);
        validator.Validate(node, branch, path);
        return validator._diagnostics;
    }

    private static string Summarize(IEnumerable<List<Diagnostic>> outcomes, FieldPath path)
    {
        var prefix = path.IsRoot ? string.Empty : path.Text + ": ";
        return string.Join("; ", outcomes.Select(o => o[0].Message.StartsWith(prefix, StringComparison.Ordinal) ? o[0].Message[prefix.Length..] : o[0].Message));
    }

    private void CheckCount(SourceLocation location, FieldPath path, long count, long? min, long? max, string noun, string plural)
    {
        string Describe(long n) => n == 1 ? $"1 {noun}" : $"{n} {plural}";
        if (max is { } most && count > most)
        {
            Block(location, path, $"must have at most {Describe(most)}, got {count}");
        }

        if (min is { } least && count < least)
        {
            Add(location, path, $"must have at least {Describe(least)}, got {count}");
        }
    }

    private void Add(SourceLocation location, FieldPath path, string message) => _diagnostics.Add(new Diagnostic(location, path.Prefix(message)));

    private void Block(SourceLocation location, FieldPath path, string message)
    {
        _blocking++;
        Add(location, path, message);
    }
}
