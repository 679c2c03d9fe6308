namespace Palisade.Kube.Manifests;

/// <summary>One problem found in a user's file, printed as <c>file:line:column: message</c>.</summary>
public sealed record Diagnostic(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
