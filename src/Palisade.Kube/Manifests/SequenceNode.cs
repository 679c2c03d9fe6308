using System.Text.Json.Nodes;

namespace Palisade.Kube.Manifests;

/// <summary>A YAML sequence or JSON array.</summary>
public sealed class SequenceNode(SourceLocation location, IReadOnlyList<ManifestNode> items) : ManifestNode(location)
{
    public IReadOnlyList<ManifestNode> Items { get; } = items;

    public int Count => Items.Count;

    public override string TypeName => "sequence";

    public override JsonNode ToJson()
    {
        var array = new JsonArray();
        foreach (var item in Items)
        {
            array.Add(item.ToJson());
        }

        return array;
    }
}
