using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

public sealed class GpgSignatureTests : IClassFixture<GpgKeys>, IDisposable
{
    private readonly GpgKeys _keys;
    private readonly TempFolder _temp = new();
    private readonly TestRepository _remote;
    private readonly string _keyFolder;

    public GpgSignatureTests(GpgKeys keys)
    {
        _keys = keys;
        _remote = new TestRepository(_temp.Combine("remote"));
        _keyFolder = Directory.CreateDirectory(_temp.Combine("gpg-keys")).FullName;
        File.WriteAllText(Path.Combine(_keyFolder, "gail.asc"), keys.Gail.PublicKey);
        File.WriteAllText(Path.Combine(_keyFolder, "README.md"), "Keys of the platform team.");
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ACommitSignedByAKeyOfTheFolderIsVerified()
    {
        var commit = _remote.Write("a.yaml", "a").CommitSignedWithGpg("Signed", _keys.Gail);

        var verdict = await VerifyAsync(new SignaturePolicy { GpgKeysDirectory = _keyFolder });

        Assert.True(verdict.IsVerified, verdict.Reason);
        Assert.Equal(new VerifiedSignature("commit", commit, "openpgp", "Gail Ops <gail@example.com>", _keys.Gail.Fingerprint), verdict.Commit);
    }

    [Fact]
    public async Task ACommitSignedByAKeyOutsideTheFolderIsRefusedNamingTheKey()
    {
        var commit = _remote.Write("a.yaml", "a").CommitSignedWithGpg("Signed by someone else", _keys.Mallory);

        var verdict = await VerifyAsync(new SignaturePolicy { GpgKeysDirectory = _keyFolder });

        Assert.False(verdict.IsVerified);
        Assert.True(verdict.IsSigned);
        Assert.Equal($"commit {commit[..12]} is signed by a key that is not allowed ({_keys.Mallory.Fingerprint})", verdict.Reason);
    }

    [Fact]
    public async Task AnUnsignedCommitIsRefused()
    {
        var commit = _remote.Write("a.yaml", "a").Commit("Unsigned");

        var verdict = await VerifyAsync(new SignaturePolicy { GpgKeysDirectory = _keyFolder });

        Assert.False(verdict.IsSigned);
        Assert.Equal($"commit {commit[..12]} is not signed", verdict.Reason);
    }

    [Fact]
    public async Task AMissingKeyFolderIsAReasonNotACrash()
    {
        var commit = _remote.Write("a.yaml", "a").CommitSignedWithGpg("Signed", _keys.Gail);
        var missing = _temp.Combine("no-keys");

        var verdict = await VerifyAsync(new SignaturePolicy { GpgKeysDirectory = missing });
        var noFolder = await VerifyAsync(new SignaturePolicy { AllowedSignersFile = _temp.Combine("allowed_signers") });

        Assert.Equal($"GPG key folder {missing} does not exist", verdict.Reason);
        Assert.Equal($"commit {commit[..12]} is signed with an OpenPGP key, but no GPG key folder is configured", noFolder.Reason);
    }

    [Fact]
    public async Task WithBothPoliciesEitherKindOfSignatureIsAccepted()
    {
        var ana = new SshKey(_temp.Path, "ana");
        var allowedSigners = _temp.Combine("allowed_signers");
        File.WriteAllText(allowedSigners, ana.AllowedSignersLine("ana@example.com") + "\n");
        var policy = new SignaturePolicy { AllowedSignersFile = allowedSigners, GpgKeysDirectory = _keyFolder };

        _remote.Write("a.yaml", "a").CommitSignedWithGpg("Signed with gpg", _keys.Gail);
        var gpg = await VerifyAsync(policy);
        _remote.Write("b.yaml", "b").CommitSignedWithSsh("Signed with ssh", ana.PrivateKey);
        var ssh = await VerifyAsync(policy);

        Assert.Equal("openpgp", gpg.Commit?.Format);
        Assert.Equal("ssh", ssh.Commit?.Format);
        Assert.True(gpg.IsVerified && ssh.IsVerified);
    }

    [Fact]
    public async Task ASignedAnnotatedTagOnAnUnsignedCommitIsVerified()
    {
        _remote.Write("a.yaml", "a").Commit("Unsigned");
        _keys.Gail.Git(_remote.Path, "-c", $"user.signingkey={_keys.Gail.Fingerprint}", "tag", "-s", "v1.0.0", "-m", "Release");

        var verdict = await VerifyAsync(new SignaturePolicy { GpgKeysDirectory = _keyFolder }, "v1.0.0");

        Assert.True(verdict.IsVerified, verdict.Reason);
        Assert.Equal(new VerifiedSignature("tag", _remote.Git("rev-parse", "v1.0.0").Trim(), "openpgp", "Gail Ops <gail@example.com>", _keys.Gail.Fingerprint), verdict.Tag);
        Assert.Null(verdict.Commit);
    }

    private async Task<SignatureVerdict> VerifyAsync(SignaturePolicy policy, string? gitRef = null)
    {
        var source = await Sources.OpenAsync(new GitSourceOptions { Url = "file://" + _remote.Path, Ref = gitRef }, _temp.Combine("mirror"), Cancellation);
        return await new SignatureVerifier(policy).VerifyAsync(await source.FetchAsync(Cancellation), Cancellation);
    }
}
