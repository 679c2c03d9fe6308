namespace Palisade.GitOps.Source;

/// <summary>Whether a revision carries an accepted signature; <see cref="Reason"/> says in one line why not.</summary>
public sealed record SignatureVerdict
{
    public bool IsVerified { get; init; }

    public bool IsSigned { get; init; }

    public string? Reason { get; init; }

    public VerifiedSignature? Commit { get; init; }

    /// <summary>The annotated tag's signature, when the ref is one; it is what is required then.</summary>
    public VerifiedSignature? Tag { get; init; }
}
