using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Schema;

/// <summary>The schema of one kind at one version, as a CustomResourceDefinition declares it.</summary>
public sealed class CrdSchema
{
    internal CrdSchema(string group, string version, string kind, bool namespaced, bool served, SourceLocation location, StructuralSchema root)
    {
        Group = group;
        Version = version;
        Kind = kind;
        Namespaced = namespaced;
        Served = served;
        Location = location;
        Root = root;
    }

    public string Group { get; }

    public string Version { get; }

    public string Kind { get; }

    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>True for <c>scope: Namespaced</c>, false for <c>scope: Cluster</c>.</summary>
    public bool Namespaced { get; }

    /// <summary>False when the CRD lists this version with <c>served: false</c>: the API server refuses objects of it.</summary>
    public bool Served { get; }

    /// <summary>Where the version's schema is written.</summary>
    public SourceLocation Location { get; }

    internal StructuralSchema Root { get; }

    /// <summary>
    /// Every problem of <paramref name="obj"/> against this kind: its metadata as ObjectMeta, everything else
    /// against the schema and its rules, in the order they appear in the file.
    /// </summary>
    public IReadOnlyList<Diagnostic> Validate(MappingNode obj)
    {
        var problems = new List<Diagnostic>(ObjectMetaValidator.Validate(obj, Kind, Namespaced));
        problems.AddRange(SchemaValidator.ValidateObject(obj, Root, ObjectMetaValidator.HasName(obj)));
        return [.. problems.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column)];
    }

    public override string ToString() => $"{ApiVersion} {Kind}";
}
