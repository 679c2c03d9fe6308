using System.Text.Json.Nodes;

namespace Palisade.Kube.Manifests;

/// <summary>
/// A value read from a YAML or JSON manifest, with the place it was read from. Nodes are immutable;
/// a YAML alias shares the node of its anchor, so a tree may be a DAG (its expanded size is bounded by the reader).
/// </summary>
public abstract class ManifestNode
{
    private protected ManifestNode(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }

    /// <summary>A short name of the node's type for messages: "mapping", "sequence", "string", "integer"…</summary>
    public abstract string TypeName { get; }

    /// <summary>The node as a System.Text.Json value (locations are dropped).</summary>
    public abstract JsonNode? ToJson();
}
