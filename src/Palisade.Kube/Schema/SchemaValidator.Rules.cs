using Palisade.Kube.Manifests;
using Palisade.Kube.Schema.Cel;

namespace Palisade.Kube.Schema;

/// <summary>Runs a node's <c>x-kubernetes-validations</c> rules on the value the API server would hand them.</summary>
internal sealed partial class SchemaValidator
{
    // At the root, rules may read metadata.name and metadata.generateName, and nothing else of metadata.
    private static readonly StructuralSchema RootMetadataForRules = new()
    {
        Location = default,
        Type = "object",
        Properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal)
        {
            ["name"] = new() { Location = default, Type = "string" },
            ["generateName"] = new() { Location = default, Type = "string" },
        },
    };

    private void RunRules(ManifestNode node, StructuralSchema schema, FieldPath path, bool isRoot)
    {
        if (schema.Rules.Count == 0)
        {
            return;
        }

        var celSchema = isRoot ? WithRootMetadata(schema) : schema;
        var self = CelData.FromNode(node, celSchema);
        foreach (var rule in schema.Rules)
        {
            RunRule(rule, node, self, path);
        }
    }

    private void RunRule(ValidationRule rule, ManifestNode node, object self, FieldPath path)
    {
        if (rule.Program is null)
        {
            Add(node.Location, path, $"cannot check rule \"{rule.Rule}\": {rule.CompileError}");
            return;
        }

        // Transition rules compare with the stored object; like the API server on a create, there is none to compare.
        if (rule.Program.UsesOldSelf)
        {
            return;
        }

        var (at, atPath) = Target(rule, node, path);
        try
        {
            switch (rule.Program.Evaluate(new Dictionary<string, object> { ["self"] = self }))
            {
                case true:
                    return;
                case false:
                    Add(at, atPath, FailureMessage(rule, self));
                    return;
                case var other:
                    Add(at, atPath, $"rule \"{rule.Rule}\" gave a {CelTypes.NameOf(other)}, not a bool");
                    return;
            }
        }
        catch (CelEvaluationException ex)
        {
            Add(at, atPath, $"{FailureMessage(rule, self)} (the rule could not be evaluated: {ex.Message})");
        }
    }

    private static string FailureMessage(ValidationRule rule, object self)
    {
        if (rule.MessageProgram is not null)
        {
            try
            {
                if (rule.MessageProgram.Evaluate(new Dictionary<string, object> { ["self"] = self }) is string { Length: > 0 } text)
                {
                    return text;
                }
            }
            catch (CelEvaluationException)
            {
                // As on the API server, a message expression that fails falls back to the static message.
            }
        }

        return rule.Message ?? $"failed rule: {rule.Rule}";
    }

    /// <summary>
    /// Where to report a rule: at its fieldPath (".spec.x", "['key']") below the node when it names one that exists,
    /// else at the node itself.
    /// </summary>
    private static (SourceLocation, FieldPath) Target(ValidationRule rule, ManifestNode node, FieldPath path)
    {
        if (string.IsNullOrEmpty(rule.FieldPath))
        {
            return (node.Location, path);
        }

        var current = node;
        var currentPath = path;
        var rest = rule.FieldPath.AsSpan();
        while (!rest.IsEmpty)
        {
            string name;
            if (rest[0] == '.')
            {
                var end = rest[1..].IndexOfAny('.', '[');
                name = (end < 0 ? rest[1..] : rest[1..(end + 1)]).ToString();
                rest = end < 0 ? [] : rest[(end + 1)..];
            }
            else if (rest.StartsWith("['") && rest.IndexOf("']") is var close and > 1)
            {
                name = rest[2..close].ToString();
                rest = rest[(close + 2)..];
            }
            else
            {
                return (node.Location, path);
            }

            if (current is not MappingNode mapping || !mapping.TryGetEntry(name, out var entry))
            {
                return (node.Location, path);
            }

            current = entry.Value;
            currentPath = currentPath.Child(name);
        }

        return (current.Location, currentPath);
    }

    private static StructuralSchema WithRootMetadata(StructuralSchema root)
    {
        var properties = new Dictionary<string, StructuralSchema>(root.Properties, StringComparer.Ordinal)
        {
            ["metadata"] = RootMetadataForRules,
        };
        return root with { Properties = properties };
    }
}
