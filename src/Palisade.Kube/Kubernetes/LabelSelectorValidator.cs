using Palisade.Kube.Manifests;

namespace Palisade.Kube.Kubernetes;

/// <summary>
/// The API server's rules for a metav1.LabelSelector: valid label keys and values, and operators whose values fit
/// them. Only checks values of the right type: a wrong type is the schema's to report.
/// </summary>
public static class LabelSelectorValidator
{
    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    public static void Check(MappingNode selector, FieldPath path, List<Diagnostic> problems)
    {
        if (selector["matchLabels"] is MappingNode matchLabels)
        {
            var labelsPath = path.Child("matchLabels");
            foreach (var label in matchLabels.Entries)
            {
                if (KubernetesNames.CheckQualifiedName(label.Key) is { } keyProblem)
                {
                    problems.Add(new Diagnostic(label.KeyLocation, labelsPath.Prefix($"key {ValueText.Quote(label.Key)} {keyProblem}")));
                }

                CheckValue(label.Value, labelsPath.Key(label.Key), problems);
            }
        }

        if (selector["matchExpressions"] is SequenceNode expressions)
        {
            for (var i = 0; i < expressions.Count; i++)
            {
                if (expressions.Items[i] is MappingNode requirement)
                {
                    CheckRequirement(requirement, path.Child("matchExpressions").Index(i), problems);
                }
            }
        }
    }

    private static void CheckRequirement(MappingNode requirement, FieldPath path, List<Diagnostic> problems)
    {
        if (requirement["key"] is ScalarNode { Kind: ScalarKind.String } key && KubernetesNames.CheckQualifiedName(key.AsString) is { } keyProblem)
        {
            problems.Add(new Diagnostic(key.Location, path.Child("key").Prefix($"{ValueText.Quote(key.AsString)} {keyProblem}")));
        }

        var values = requirement["values"] as SequenceNode;
        var count = values?.Count ?? 0;
        switch (requirement["operator"])
        {
            case ScalarNode { Text: "In" or "NotIn" } when count == 0:
                problems.Add(new Diagnostic(values?.Location ?? requirement.Location, path.Child("values").Prefix("must be non-empty when operator is In or NotIn")));
                break;
            case ScalarNode { Text: "Exists" or "DoesNotExist" } when count > 0:
                problems.Add(new Diagnostic(values!.Location, path.Child("values").Prefix("must be empty when operator is Exists or DoesNotExist")));
                break;
            case ScalarNode { Kind: ScalarKind.String } op when !Operators.Contains(op.AsString, StringComparer.Ordinal):
                problems.Add(new Diagnostic(op.Location, path.Child("operator").Prefix($"{ValueText.Quote(op.AsString)} is not one of {string.Join(", ", Operators)}")));
                break;
        }

        for (var i = 0; i < count; i++)
        {
            CheckValue(values!.Items[i], path.Child("values").Index(i), problems);
        }
    }

    private static void CheckValue(ManifestNode value, FieldPath path, List<Diagnostic> problems)
    {
        if (value is ScalarNode { Kind: ScalarKind.String } text && KubernetesNames.CheckLabelValue(text.AsString) is { } problem)
        {
            problems.Add(new Diagnostic(value.Location, path.Prefix($"{ValueText.Quote(text.AsString)} {problem}")));
        }
    }
}
