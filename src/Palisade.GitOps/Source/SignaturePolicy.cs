namespace Palisade.GitOps.Source;

/// <summary>
/// Whose signatures are accepted: SSH keys listed in an allowed_signers file (git's gpg.ssh.allowedSignersFile
/// format), OpenPGP public keys in a folder (*.asc, *.gpg), or both, in which case either kind of signature will do.
/// </summary>
public sealed record SignaturePolicy
{
    public string? AllowedSignersFile { get; init; }

    public string? GpgKeysDirectory { get; init; }
}
