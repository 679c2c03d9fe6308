namespace Palisade.GitOps.Source;

/// <summary>The outcome for one commit or tag object: its accepted signature, or why there is none.</summary>
internal sealed record SignatureCheck(bool IsSigned, VerifiedSignature? Signature, string? Reason)
{
    public static SignatureCheck Verified(VerifiedSignature signature) => new(true, signature, null);

    public static SignatureCheck Unsigned(string what) => new(false, null, $"{what} is not signed");

    public static SignatureCheck Refused(string reason) => new(true, null, reason);
}
