namespace Palisade.GitOps.Source;

/// <summary>
/// Decides whether a fetched revision is signed by an allowed key. For an annotated tag the tag's signature is
/// required (as Flux does for tag refs) and the commit's is reported when it also verifies; for a branch or commit
/// the commit's signature is required. SSH signatures are checked against the allowed_signers file, OpenPGP
/// signatures against the key folder.
/// </summary>
public sealed class SignatureVerifier(SignaturePolicy policy)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<SignatureVerdict> VerifyAsync(SourceRevision revision, CancellationToken cancellation)
    {
        if (revision.Mirror.Length == 0)
        {
            throw new ArgumentException($"revision {revision.Id} was not fetched by a git source, so it has no mirror to check", nameof(revision));
        }

        try
        {
            return await VerifyInMirrorAsync(GitMirror.Existing(revision.Mirror, Timeout), revision, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SourceException or TimeoutException)
        {
            // A check that could not run is a revision that is not verified, never a crashed sync.
            return new SignatureVerdict { Reason = $"signatures of {revision.Id} could not be checked: {RemoteLocation.Redact(ex.Message)}" };
        }
    }

    private async Task<SignatureVerdict> VerifyInMirrorAsync(GitMirror mirror, SourceRevision revision, CancellationToken cancellation)
    {
        var commit = await CheckAsync(mirror, "commit", revision.Commit, $"commit {revision.ShortCommit}", cancellation).ConfigureAwait(false);
        if (revision.TagObject is not { } tagObject)
        {
            return new SignatureVerdict { IsVerified = commit.Signature is not null, IsSigned = commit.IsSigned, Reason = commit.Reason, Commit = commit.Signature };
        }

        var tag = await CheckAsync(mirror, "tag", tagObject, $"tag {revision.Ref} ({tagObject[..12]})", cancellation).ConfigureAwait(false);
        return new SignatureVerdict { IsVerified = tag.Signature is not null, IsSigned = tag.IsSigned, Reason = tag.Reason, Commit = commit.Signature, Tag = tag.Signature };
    }

    private async Task<SignatureCheck> CheckAsync(GitMirror mirror, string kind, string id, string description, CancellationToken cancellation)
    {
        var signed = await SignedObject.ReadAsync(mirror, kind, id, description, cancellation).ConfigureAwait(false);
        return signed.Format switch
        {
            SignatureFormat.None => SignatureCheck.Unsigned(description),
            SignatureFormat.Ssh => await SshSignatures.CheckAsync(mirror, signed, policy.AllowedSignersFile, cancellation).ConfigureAwait(false),
            SignatureFormat.OpenPgp => await GpgSignatures.CheckAsync(mirror, signed, policy.GpgKeysDirectory, cancellation).ConfigureAwait(false),
            _ => SignatureCheck.Refused($"{description} is signed with an X.509 certificate, which is not supported"),
        };
    }
}
