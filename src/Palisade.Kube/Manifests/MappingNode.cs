using System.Text.Json.Nodes;

namespace Palisade.Kube.Manifests;

/// <summary>One key of a mapping, with where the key itself was written.</summary>
public sealed record MappingEntry(string Key, SourceLocation KeyLocation, ManifestNode Value);

/// <summary>A YAML mapping or JSON object. Keys are unique (the reader rejects duplicates) and keep their order.</summary>
public sealed class MappingNode : ManifestNode
{
    private readonly Dictionary<string, MappingEntry> _byKey;

    public MappingNode(SourceLocation location, IReadOnlyList<MappingEntry> entries)
        : base(location)
    {
        Entries = entries;
        _byKey = new Dictionary<string, MappingEntry>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!_byKey.TryAdd(entry.Key, entry))
            {
                throw new ArgumentException($"duplicate key '{entry.Key}'", nameof(entries));
            }
        }
    }

    public IReadOnlyList<MappingEntry> Entries { get; }

    public int Count => Entries.Count;

    public override string TypeName => "mapping";

    public ManifestNode? this[string key] => _byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    public bool TryGetEntry(string key, out MappingEntry entry) => _byKey.TryGetValue(key, out entry!);

    public override JsonNode ToJson()
    {
        var obj = new JsonObject();
        foreach (var entry in Entries)
        {
            obj[entry.Key] = entry.Value.ToJson();
        }

        return obj;
    }
}
