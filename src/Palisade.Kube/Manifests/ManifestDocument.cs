namespace Palisade.Kube.Manifests;

/// <summary>One document of a manifest file (a YAML file may hold several, separated by <c>---</c>).</summary>
/// <param name="File">The file's path as the user named it (relative paths stay relative).</param>
/// <param name="Index">0-based position of the document in its file.</param>
/// <param name="Root">The document's content; null for an empty document.</param>
public sealed record ManifestDocument(string File, int Index, ManifestNode? Root)
{
    public SourceLocation Location => Root?.Location ?? SourceLocation.OfFile(File);
}
