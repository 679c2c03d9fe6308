namespace Palisade.Kube.Manifests;

/// <summary>The documents read from a set of paths, and every file that could not be read.</summary>
public sealed record ManifestReadResult(IReadOnlyList<ManifestDocument> Documents, IReadOnlyList<Diagnostic> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The documents, or the first error as an exception.</summary>
    public IReadOnlyList<ManifestDocument> DocumentsOrThrow() =>
        Succeeded ? Documents : throw new ManifestException(Errors[0]);
}
