using System.Text;
using Palisade.Kube.Manifests;
using Palisade.Kube.Text;

namespace Palisade.Kube.Kubernetes;

/// <summary>
/// Checks an object's <c>metadata</c> as the API server's ObjectMeta validation does, for every kind: a CRD's
/// schema says only <c>metadata: {type: object}</c>, so this is where names, labels and annotations are checked.
/// </summary>
public static class ObjectMetaValidator
{
    private const int MaxAnnotationBytes = 256 * 1024;

    private static readonly string[] KnownFields =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    /// <summary>
    /// The problems of <paramref name="obj"/>'s metadata. A name is required (Palisade applies objects by name; the
    /// server-generated names of <c>generateName</c> cannot be kept in Git). A cluster-scoped kind may not carry a
    /// namespace: the API server would drop it silently, and its presence means the author expected a scope it lacks.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(MappingNode obj, string kind, bool namespaced) =>
        Validate(obj, FieldPath.Root, kind, namespaced, nameRequired: true);

    /// <summary>The metadata of an object at <paramref name="objectPath"/> (an object embedded in another one, say).</summary>
    internal static IReadOnlyList<Diagnostic> Validate(MappingNode obj, FieldPath objectPath, string kind, bool namespaced, bool nameRequired)
    {
        var problems = new List<Diagnostic>();
        var path = objectPath.Child("metadata");
        if (!obj.TryGetEntry("metadata", out var entry))
        {
            problems.Add(new Diagnostic(obj.Location, objectPath.Prefix("missing required field \"metadata\"")));
            return problems;
        }

        if (entry.Value is not MappingNode metadata)
        {
            problems.Add(new Diagnostic(entry.Value.Location, path.Prefix($"expected object, got {ValueText.JsonType(entry.Value)}")));
            return problems;
        }

        foreach (var field in metadata.Entries)
        {
            if (!KnownFields.Contains(field.Key, StringComparer.Ordinal))
            {
                problems.Add(new Diagnostic(field.KeyLocation, Spelling.UnknownField(path, field.Key, KnownFields)));
            }
        }

        CheckName(metadata, path, nameRequired, problems);
        CheckNamespace(metadata, path, kind, namespaced, problems);
        if (metadata.TryGetEntry("labels", out var labels))
        {
            ValidateLabelMap(labels.Value, path.Child("labels"), problems);
        }

        CheckAnnotations(metadata, path, problems);
        CheckStringList(metadata, path, "finalizers", problems);
        return problems;
    }

    /// <summary>True when the metadata has a name Palisade can use, so rules that read it can run.</summary>
    public static bool HasName(MappingNode obj) =>
        obj["metadata"] is MappingNode metadata && metadata["name"] is ScalarNode { Kind: ScalarKind.String };

    private static void CheckName(MappingNode metadata, FieldPath path, bool required, List<Diagnostic> problems)
    {
        if (!metadata.TryGetEntry("name", out var name))
        {
            if (required)
            {
                problems.Add(new Diagnostic(metadata.Location, path.Prefix("missing required field \"name\"")));
            }

            return;
        }

        if (AsString(name.Value, path.Child("name"), problems) is { } text && KubernetesNames.CheckDns1123Subdomain(text) is { } problem)
        {
            problems.Add(new Diagnostic(name.Value.Location, path.Child("name").Prefix($"{ValueText.Quote(text)} {problem}")));
        }
    }

    private static void CheckNamespace(MappingNode metadata, FieldPath metadataPath, string kind, bool namespaced, List<Diagnostic> problems)
    {
        if (!metadata.TryGetEntry("namespace", out var entry))
        {
            return;
        }

        var path = metadataPath.Child("namespace");
        if (AsString(entry.Value, path, problems) is not { } text)
        {
            return;
        }

        if (!namespaced)
        {
            problems.Add(new Diagnostic(entry.Value.Location, path.Prefix($"{kind} is cluster-scoped, so the namespace {ValueText.Quote(text)} would be dropped")));
        }
        else if (KubernetesNames.CheckDns1123Label(text) is { } problem)
        {
            problems.Add(new Diagnostic(entry.Value.Location, path.Prefix($"{ValueText.Quote(text)} {problem}")));
        }
    }

    /// <summary>A map of label keys to label values, as in metadata.labels and a selector's matchLabels.</summary>
    public static void ValidateLabelMap(ManifestNode node, FieldPath path, List<Diagnostic> problems)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return;
        }

        if (node is not MappingNode labels)
        {
            problems.Add(new Diagnostic(node.Location, path.Prefix($"expected object, got {ValueText.JsonType(node)}")));
            return;
        }

        foreach (var label in labels.Entries)
        {
            if (KubernetesNames.CheckQualifiedName(label.Key) is { } keyProblem)
            {
                problems.Add(new Diagnostic(label.KeyLocation, path.Prefix($"key {ValueText.Quote(label.Key)} {keyProblem}")));
            }

            if (AsString(label.Value, path.Key(label.Key), problems) is { } value && KubernetesNames.CheckLabelValue(value) is { } valueProblem)
            {
                problems.Add(new Diagnostic(label.Value.Location, path.Key(label.Key).Prefix($"{ValueText.Quote(value)} {valueProblem}")));
            }
        }
    }

    private static void CheckAnnotations(MappingNode metadata, FieldPath metadataPath, List<Diagnostic> problems)
    {
        if (!metadata.TryGetEntry("annotations", out var entry) || entry.Value is ScalarNode { IsNull: true })
        {
            return;
        }

        var path = metadataPath.Child("annotations");
        if (entry.Value is not MappingNode annotations)
        {
            problems.Add(new Diagnostic(entry.Value.Location, path.Prefix($"expected object, got {ValueText.JsonType(entry.Value)}")));
            return;
        }

        long bytes = 0;
        foreach (var annotation in annotations.Entries)
        {
            // The API server checks annotation keys in lower case: upper-case letters are allowed in them.
            if (KubernetesNames.CheckQualifiedName(annotation.Key.ToLowerInvariant()) is { } keyProblem)
            {
                problems.Add(new Diagnostic(annotation.KeyLocation, path.Prefix($"key {ValueText.Quote(annotation.Key)} {keyProblem}")));
            }

            if (AsString(annotation.Value, path.Key(annotation.Key), problems) is { } value)
            {
                bytes += Encoding.UTF8.GetByteCount(annotation.Key) + Encoding.UTF8.GetByteCount(value);
            }
        }

        if (bytes > MaxAnnotationBytes)
        {
            problems.Add(new Diagnostic(entry.Value.Location, path.Prefix($"total size of {bytes} bytes is over the limit of {MaxAnnotationBytes}")));
        }
    }

    private static void CheckStringList(MappingNode metadata, FieldPath metadataPath, string field, List<Diagnostic> problems)
    {
        if (!metadata.TryGetEntry(field, out var entry) || entry.Value is ScalarNode { IsNull: true })
        {
            return;
        }

        var path = metadataPath.Child(field);
        if (entry.Value is not SequenceNode list)
        {
            problems.Add(new Diagnostic(entry.Value.Location, path.Prefix($"expected array, got {ValueText.JsonType(entry.Value)}")));
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            AsString(list.Items[i], path.Index(i), problems);
        }
    }

    private static string? AsString(ManifestNode node, FieldPath path, List<Diagnostic> problems)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } text)
        {
            return text.AsString;
        }

        problems.Add(new Diagnostic(node.Location, path.Prefix($"expected string, got {ValueText.JsonType(node)}")));
        return null;
    }
}
