using Palisade.GitOps.Audit;
using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

public sealed class SourceOptionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("", "the source URL is empty")]
    [InlineData("--upload-pack=touch /tmp/owned", "source URL --upload-pack=touch /tmp/owned: not a URL or a folder")]
    [InlineData("ext::sh -c touch% /tmp/owned", "source URL ext::sh -c touch% /tmp/owned: not a URL (https://, http://, ssh://, git@host:path, file://) or an existing folder")]
    [InlineData("ftp://example.com/policy.git", "source URL ftp://example.com/policy.git: scheme ftp is not supported (use https, http, ssh or file)")]
    [InlineData("no/such/folder", "source URL no/such/folder: not a URL (https://, http://, ssh://, git@host:path, file://) or an existing folder")]
    public async Task AnUnusableUrlIsRefusedWhenOpening(string url, string message)
    {
        var error = await OpenFailsAsync(new GitSourceOptions { Url = url });

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("../outside", RefusalReason.PathEscape, "path ../outside: \"..\" is not allowed")]
    [InlineData("policies/../../outside", RefusalReason.PathEscape, "path policies/../../outside: \"..\" is not allowed")]
    [InlineData("/etc", RefusalReason.PathEscape, "path /etc: must be relative to the repository")]
    public async Task APathOutsideTheRepositoryIsRefused(string path, RefusalReason reason, string message)
    {
        var error = await OpenFailsAsync(new GitSourceOptions { Url = "https://git.example.com/net/policy.git", Path = path });

        Assert.Equal(reason, error.Reason);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("main:refs/heads/other")]
    [InlineData("--all")]
    [InlineData("main..other")]
    public async Task ARefThatCouldChangeTheCommandIsRefused(string gitRef)
    {
        var error = await OpenFailsAsync(new GitSourceOptions { Url = "https://git.example.com/net/policy.git", Ref = gitRef });

        Assert.Equal($"ref {gitRef}: not a valid branch, tag or commit name", error.Message);
    }

    [Fact]
    public async Task AMissingTokenFileIsNamed()
    {
        var file = _temp.Combine("token");

        var error = await OpenFailsAsync(new GitSourceOptions { Url = "https://git.example.com/net/policy.git", TokenFile = file });

        Assert.Equal($"token file {file} does not exist", error.Message);
    }

    [Fact]
    public async Task ATokenIsNotSentOverPlainHttp()
    {
        var file = _temp.Combine("token");
        File.WriteAllText(file, "secret\n");

        var error = await OpenFailsAsync(new GitSourceOptions { Url = "http://git.example.com/net/policy.git", TokenFile = file });

        Assert.Equal("source http://git.example.com/net/policy.git: a token is only sent to https URLs", error.Message);
    }

    [Fact]
    public async Task AnUnsetTokenVariableIsNamed()
    {
        var error = await OpenFailsAsync(new GitSourceOptions { Url = "https://git.example.com/net/policy.git", TokenEnvironmentVariable = "PALISADE_TEST_UNSET_TOKEN" });

        Assert.Equal("token variable PALISADE_TEST_UNSET_TOKEN is not set", error.Message);
    }

    [Fact]
    public async Task AMissingSshKeyIsNamed()
    {
        var key = _temp.Combine("id_ed25519");

        var error = await OpenFailsAsync(new GitSourceOptions { Url = "git@git.example.com:net/policy.git", SshKeyFile = key });

        Assert.Equal($"ssh key file {key} does not exist", error.Message);
    }

    [Fact]
    public async Task CredentialsInTheUrlNeverReachAMessage()
    {
        var source = await Sources.OpenAsync(
            new GitSourceOptions { Url = "https://ana:s3cret-token@127.0.0.1:9/net/policy.git", Timeout = TimeSpan.FromSeconds(10) },
            _temp.Combine("mirror"),
            Cancellation);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(Cancellation));

        Assert.Equal(RefusalReason.FetchFailed, error.Reason);
        Assert.StartsWith("https://127.0.0.1:9/net/policy.git could not be fetched: ", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
        Assert.DoesNotContain("s3cret", string.Concat(Directory.EnumerateFiles(_temp.Combine("mirror"), "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
    }

    [Fact]
    public async Task AMirrorOfAnotherUrlStartsOver()
    {
        var first = new TestRepository(_temp.Combine("first"));
        first.Write("a.yaml", "a").Commit("First");
        var second = new TestRepository(_temp.Combine("second"));
        var commit = second.Write("b.yaml", "b").Commit("Second");
        var mirror = _temp.Combine("state", "source");
        await (await Sources.OpenAsync(new GitSourceOptions { Url = "file://" + first.Path }, mirror, Cancellation)).FetchAsync(Cancellation);

        var source = await Sources.OpenAsync(new GitSourceOptions { Url = "file://" + second.Path, Ref = first.Head() }, mirror, Cancellation);
        var error = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(Cancellation));
        var revision = await (await Sources.OpenAsync(new GitSourceOptions { Url = "file://" + second.Path }, mirror, Cancellation)).FetchAsync(Cancellation);

        Assert.StartsWith($"commit {first.Head()} was not found", error.Message);
        Assert.Equal(commit, revision.Commit);
    }

    [Fact]
    public async Task AMirrorFolderHoldingSomethingElseIsLeftAlone()
    {
        var mirror = Directory.CreateDirectory(_temp.Combine("state", "source")).FullName;
        File.WriteAllText(Path.Combine(mirror, "notes.txt"), "mine");

        var error = await Assert.ThrowsAsync<SourceException>(() => Sources.OpenAsync(new GitSourceOptions { Url = "https://git.example.com/net/policy.git" }, mirror, Cancellation));

        Assert.Equal($"mirror folder {mirror} holds something else than a Palisade mirror; remove it or use another state folder", error.Message);
        Assert.True(File.Exists(Path.Combine(mirror, "notes.txt")));
    }

    private async Task<SourceException> OpenFailsAsync(GitSourceOptions options) =>
        await Assert.ThrowsAsync<SourceException>(() => Sources.OpenAsync(options, _temp.Combine("mirror"), Cancellation));
}
