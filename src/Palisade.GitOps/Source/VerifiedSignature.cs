namespace Palisade.GitOps.Source;

/// <summary>
/// A good signature by an allowed key. <see cref="ObjectKind"/> is commit or tag, <see cref="Format"/> ssh or
/// openpgp; <see cref="Signer"/> is the allowed_signers principal or the key's user id, and <see cref="Fingerprint"/>
/// the key's SHA256:… (ssh) or primary key fingerprint (openpgp).
/// </summary>
public sealed record VerifiedSignature(string ObjectKind, string ObjectId, string Format, string Signer, string Fingerprint);
