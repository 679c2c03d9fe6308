namespace Palisade.Kube.Manifests;

/// <summary>Which parser reads a manifest: chosen by the file's name, or forced.</summary>
public enum ManifestFormat
{
    /// <summary>JSON for names ending in <c>.json</c>, YAML otherwise.</summary>
    ByName,
    Yaml,
    Json,
}
