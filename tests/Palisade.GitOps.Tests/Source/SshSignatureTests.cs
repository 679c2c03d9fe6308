using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

public sealed class SshSignatureTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestRepository _remote;
    private readonly SshKey _ana;
    private readonly SshKey _mallory;
    private readonly string _allowedSigners;

    public SshSignatureTests()
    {
        _remote = new TestRepository(_temp.Combine("remote"));
        _ana = new SshKey(_temp.Path, "ana");
        _mallory = new SshKey(_temp.Path, "mallory");
        _allowedSigners = _temp.Combine("allowed_signers");
        File.WriteAllText(_allowedSigners, $"# platform team\n{_ana.AllowedSignersLine("ana@example.com")}\n");
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ACommitSignedByAnAllowedKeyIsVerified()
    {
        var commit = _remote.Write("a.yaml", "a").CommitSignedWithSsh("Signed", _ana.PrivateKey);

        var verdict = await VerifyAsync(new SignaturePolicy { AllowedSignersFile = _allowedSigners });

        Assert.True(verdict.IsVerified, verdict.Reason);
        Assert.True(verdict.IsSigned);
        Assert.Null(verdict.Reason);
        Assert.Equal(new VerifiedSignature("commit", commit, "ssh", "ana@example.com", _ana.Fingerprint), verdict.Commit);
        Assert.Null(verdict.Tag);
    }

    [Fact]
    public async Task AnUnsignedCommitIsRefused()
    {
        var commit = _remote.Write("a.yaml", "a").Commit("Unsigned");

        var verdict = await VerifyAsync(new SignaturePolicy { AllowedSignersFile = _allowedSigners });

        Assert.False(verdict.IsVerified);
        Assert.False(verdict.IsSigned);
        Assert.Equal($"commit {commit[..12]} is not signed", verdict.Reason);
    }

    [Fact]
    public async Task ACommitSignedByAnotherKeyIsRefusedNamingThatKey()
    {
        var commit = _remote.Write("a.yaml", "a").CommitSignedWithSsh("Signed by someone else", _mallory.PrivateKey);

        var verdict = await VerifyAsync(new SignaturePolicy { AllowedSignersFile = _allowedSigners });

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.IsSigned);
        Assert.Equal($"commit {commit[..12]} is signed by a key that is not allowed ({_mallory.Fingerprint})", verdict.Reason);
        Assert.Null(verdict.Commit);
    }

    [Fact]
    public async Task AnAllowedSignersFileWhoseKeyWasSwappedNoLongerAcceptsTheOldKey()
    {
        _remote.Write("a.yaml", "a").CommitSignedWithSsh("Signed", _ana.PrivateKey);
        File.WriteAllText(_allowedSigners, _mallory.AllowedSignersLine("ana@example.com") + "\n");

        var verdict = await VerifyAsync(new SignaturePolicy { AllowedSignersFile = _allowedSigners });

        Assert.False(verdict.IsVerified);
        Assert.Contains($"is signed by a key that is not allowed ({_ana.Fingerprint})", verdict.Reason);
    }

    [Fact]
    public async Task AKeyAllowedOnlyForOtherNamespacesIsRefused()
    {
        var commit = _remote.Write("a.yaml", "a").CommitSignedWithSsh("Signed", _ana.PrivateKey);
        File.WriteAllText(_allowedSigners, $"ana@example.com namespaces=\"file\" {_ana.PublicKey}\n");

        var verdict = await VerifyAsync(new SignaturePolicy { AllowedSignersFile = _allowedSigners });

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.IsSigned);
        Assert.Equal($"commit {commit[..12]} has an SSH signature that does not verify: {_allowedSigners}:1: key is not permitted for use in signature namespace \"git\"", verdict.Reason);
    }

    [Fact]
    public async Task AMissingAllowedSignersFileIsAReasonNotACrash()
    {
        _remote.Write("a.yaml", "a").CommitSignedWithSsh("Signed", _ana.PrivateKey);
        var missing = _temp.Combine("nowhere", "allowed_signers");

        var verdict = await VerifyAsync(new SignaturePolicy { AllowedSignersFile = missing });

        Assert.False(verdict.IsVerified);
        Assert.Equal($"allowed signers file {missing} does not exist", verdict.Reason);
    }

    [Fact]
    public async Task AnSshSignatureNeedsAnAllowedSignersFile()
    {
        var commit = _remote.Write("a.yaml", "a").CommitSignedWithSsh("Signed", _ana.PrivateKey);

        var verdict = await VerifyAsync(new SignaturePolicy { GpgKeysDirectory = _temp.Path });

        Assert.False(verdict.IsVerified);
        Assert.Equal($"commit {commit[..12]} is signed with an SSH key, but no allowed signers file is configured", verdict.Reason);
    }

    [Fact]
    public async Task ASignedAnnotatedTagIsVerifiedAndItsSignatureRequired()
    {
        var commit = _remote.Write("a.yaml", "a").CommitSignedWithSsh("Signed", _ana.PrivateKey);
        _remote.Git("-c", "gpg.format=ssh", "-c", $"user.signingkey={_ana.PrivateKey}", "tag", "-s", "v1", "-m", "Release 1");
        _remote.Git("tag", "-a", "v1-unsigned", "-m", "Release 1, unsigned");
        var policy = new SignaturePolicy { AllowedSignersFile = _allowedSigners };

        var signed = await VerifyAsync(policy, "v1");
        var unsigned = await VerifyAsync(policy, "v1-unsigned");

        Assert.True(signed.IsVerified, signed.Reason);
        Assert.Equal(new VerifiedSignature("tag", _remote.Git("rev-parse", "v1").Trim(), "ssh", "ana@example.com", _ana.Fingerprint), signed.Tag);
        Assert.Equal(commit, signed.Commit?.ObjectId);
        Assert.False(unsigned.IsVerified);
        Assert.False(unsigned.IsSigned);
        Assert.Equal($"tag v1-unsigned ({_remote.Git("rev-parse", "v1-unsigned").Trim()[..12]}) is not signed", unsigned.Reason);
    }

    [Fact]
    public async Task ACommitMessageQuotingASignatureIsNotASignature()
    {
        var commit = _remote.Write("a.yaml", "a").Commit("Quote\n\n-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----");

        var verdict = await VerifyAsync(new SignaturePolicy { AllowedSignersFile = _allowedSigners });

        Assert.Equal($"commit {commit[..12]} is not signed", verdict.Reason);
    }

    [Fact]
    public async Task AMirrorThatVanishedAfterTheFetchIsAReasonNotACrash()
    {
        _remote.Write("a.yaml", "a").CommitSignedWithSsh("Signed", _ana.PrivateKey);
        var source = await Sources.OpenAsync(new GitSourceOptions { Url = "file://" + _remote.Path }, _temp.Combine("mirror"), Cancellation);
        var revision = await source.FetchAsync(Cancellation);
        Directory.Delete(_temp.Combine("mirror"), recursive: true);

        var verdict = await new SignatureVerifier(new SignaturePolicy { AllowedSignersFile = _allowedSigners }).VerifyAsync(revision, Cancellation);

        Assert.False(verdict.IsVerified);
        Assert.StartsWith($"signatures of {revision.Id} could not be checked: commit {revision.ShortCommit} could not be read from mirror ", verdict.Reason);
    }

    private async Task<SignatureVerdict> VerifyAsync(SignaturePolicy policy, string? gitRef = null)
    {
        var source = await Sources.OpenAsync(new GitSourceOptions { Url = "file://" + _remote.Path, Ref = gitRef }, _temp.Combine("mirror"), Cancellation);
        return await new SignatureVerifier(policy).VerifyAsync(await source.FetchAsync(Cancellation), Cancellation);
    }
}
