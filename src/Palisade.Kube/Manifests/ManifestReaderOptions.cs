namespace Palisade.Kube.Manifests;

/// <summary>Limits that keep hostile or accidental input from exhausting the reader.</summary>
public sealed record ManifestReaderOptions
{
    /// <summary>Largest file read, in bytes. Kubernetes itself stores objects of at most 1.5 MB.</summary>
    public long MaxFileBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Most files read from one set of paths.</summary>
    public int MaxFiles { get; init; } = 50_000;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// Aliases may add at most this many nodes, plus <see cref="AliasExpansionFactor"/> times the nodes
    /// actually written, to a document once expanded. A "billion laughs" document stops here.
    /// </summary>
    public long AliasExpansionAllowance { get; init; } = 100_000;

    public long AliasExpansionFactor { get; init; } = 10;

    /// <summary>File name endings read when a folder is walked.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".yaml", ".yml", ".json"];

    public static ManifestReaderOptions Default { get; } = new();
}
