using System.Text.RegularExpressions;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Schema;

/// <summary>
/// One node of an OpenAPI v3 structural schema as a CRD declares it (apiextensions.k8s.io/v1), read once and kept
/// immutable. Keywords that only document (description, example…) are not kept; <see cref="Default"/> is, because
/// the API server fills defaults in before it validates and before rules see the object.
/// </summary>
internal sealed record StructuralSchema
{
    public required SourceLocation Location { get; init; }

    /// <summary>object, array, string, integer, number, boolean; null when the schema does not say.</summary>
    public string? Type { get; init; }

    public string? Format { get; init; }

    /// <summary>Known fields, in the order the CRD lists them.</summary>
    public IReadOnlyDictionary<string, StructuralSchema> Properties { get; init; } = new Dictionary<string, StructuralSchema>();

    /// <summary>The schema of a map's values; with <see cref="AdditionalPropertiesAllowed"/>, any value is taken.</summary>
    public StructuralSchema? AdditionalProperties { get; init; }

    public bool AdditionalPropertiesAllowed { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    public StructuralSchema? Items { get; init; }

    public IReadOnlyList<ManifestNode>? Enum { get; init; }

    public Regex? Pattern { get; init; }

    public string? PatternText { get; init; }

    /// <summary>Why <see cref="PatternText"/> could not be compiled; values are then reported as unchecked.</summary>
    public string? PatternError { get; init; }

    public ScalarNode? Minimum { get; init; }

    public ScalarNode? Maximum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public ScalarNode? MultipleOf { get; init; }

    public long? MinLength { get; init; }

    public long? MaxLength { get; init; }

    public long? MinItems { get; init; }

    public long? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    public long? MinProperties { get; init; }

    public long? MaxProperties { get; init; }

    public IReadOnlyList<StructuralSchema> AllOf { get; init; } = [];

    public IReadOnlyList<StructuralSchema> AnyOf { get; init; } = [];

    public IReadOnlyList<StructuralSchema> OneOf { get; init; } = [];

    public StructuralSchema? Not { get; init; }

    public bool Nullable { get; init; }

    public bool IntOrString { get; init; }

    public bool PreserveUnknownFields { get; init; }

    public bool EmbeddedResource { get; init; }

    /// <summary>atomic, set or map (x-kubernetes-list-type).</summary>
    public string? ListType { get; init; }

    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    public ManifestNode? Default { get; init; }

    public IReadOnlyList<ValidationRule> Rules { get; init; } = [];

    /// <summary>The schema of a field of an object with this schema, or null when the field is unknown here.</summary>
    public StructuralSchema? FieldSchema(string key) =>
        Properties.TryGetValue(key, out var property) ? property : AdditionalProperties;

    /// <summary>True when an object with this schema keeps a field of that name (the API server prunes the others).</summary>
    public bool KeepsField(string key) =>
        Properties.ContainsKey(key) || AdditionalProperties is not null || AdditionalPropertiesAllowed || PreserveUnknownFields
        || (EmbeddedResource && key is "apiVersion" or "kind" or "metadata");
}
