using Palisade.Kube.Manifests;

namespace Palisade.Kube.Templates;

/// <summary>
/// Where a template, or a rule within it, was written, and where each of its keys stands, so that problems found
/// after reading (for example "Kubernetes cannot express this") still point at the key the user wrote.
/// </summary>
public sealed record TemplateSource(SourceLocation Location, string Path, IReadOnlyDictionary<string, SourceLocation> Keys)
{
    /// <summary>A diagnostic on one key, e.g. <c>file:7:5: EGRESS[0].EgressPort: …</c>.</summary>
    public Diagnostic At(string key, string message) =>
        new(Keys.TryGetValue(key, out var location) ? location : Location, $"{Qualify(key)}: {message}");

    /// <summary>A diagnostic on the template or rule as a whole.</summary>
    public Diagnostic AtWhole(string message) =>
        new(Location, Path.Length == 0 ? message : $"{Path}: {message}");

    public string Qualify(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}
