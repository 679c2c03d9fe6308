namespace Palisade.Kube.Manifests;

/// <summary>Raised when a file cannot be read as a manifest; the message names the file and line.</summary>
public sealed class ManifestException : Exception
{
    public ManifestException(Diagnostic diagnostic)
        : base(diagnostic.ToString()) => Diagnostic = diagnostic;

    public ManifestException(SourceLocation location, string message)
        : this(new Diagnostic(location, message)) { }

    public Diagnostic Diagnostic { get; }
}
