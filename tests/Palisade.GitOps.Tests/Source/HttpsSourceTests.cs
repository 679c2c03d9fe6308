using Palisade.GitOps.Audit;
using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

/// <summary>
/// An https remote as a private forge serves it: the token goes in the Authorization header only to that origin, the
/// server's certificate is trusted through --ca-file, and neither secret shows in any message.
/// </summary>
public sealed class HttpsSourceTests : IAsyncLifetime
{
    private const string Token = "s3cr3t-token-value";
    private readonly TempFolder _temp = new();
    private HttpsGitServer _server = null!;
    private string _url = null!;

    public async ValueTask InitializeAsync()
    {
        var work = new TestRepository(_temp.Combine("work"));
        work.Write("policies/shop/backend.yaml", "kind: NetworkPolicy\n").Commit("backend");
        var served = _temp.Combine("served");
        Directory.CreateDirectory(served);
        Tools.Run("git", served, null, "clone", "--quiet", "--bare", work.Path, "policy.git");
        _server = await HttpsGitServer.StartAsync(served, Token, _temp.Combine("ca.pem"));
        _url = new Uri(_server.Url, "policy.git").ToString();
        await File.WriteAllTextAsync(_temp.Combine("token"), Token + "\n");
        await File.WriteAllTextAsync(_temp.Combine("wrong-token"), "not-the-token\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_private_https_remote_is_fetched_with_the_token_and_the_ca_file()
    {
        var source = await Open(new GitSourceOptions { Url = _url, TokenFile = _temp.Combine("token"), CaFile = _server.CaFile });

        var revision = await source.FetchAsync(TestContext.Current.CancellationToken);
        var snapshot = await source.ReadAsync(revision, TestContext.Current.CancellationToken);

        Assert.StartsWith("main@sha1:", revision.Id, StringComparison.Ordinal);
        Assert.Equal(["policies/shop/backend.yaml"], snapshot.Files.Keys);
    }

    [Fact]
    public async Task A_wrong_token_is_a_fetch_failure_that_never_shows_a_token()
    {
        var source = await Open(new GitSourceOptions { Url = _url, TokenFile = _temp.Combine("wrong-token"), CaFile = _server.CaFile });

        var failure = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(TestContext.Current.CancellationToken));

        Assert.Equal(RefusalReason.FetchFailed, failure.Reason);
        Assert.DoesNotContain("not-the-token", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_ca_file_the_servers_certificate_is_not_trusted()
    {
        var source = await Open(new GitSourceOptions { Url = _url, TokenFile = _temp.Combine("token") });

        var failure = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(TestContext.Current.CancellationToken));

        Assert.Equal(RefusalReason.FetchFailed, failure.Reason);
        Assert.Contains("certificate", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_ca_file_for_a_non_https_source_or_one_that_is_missing_is_refused_at_once()
    {
        var local = await Assert.ThrowsAsync<SourceException>(() => Open(new GitSourceOptions { Url = "file:///tmp/x.git", CaFile = _server.CaFile }));
        var missing = await Assert.ThrowsAsync<SourceException>(() => Open(new GitSourceOptions { Url = _url, CaFile = _temp.Combine("none.pem") }));

        Assert.Contains("a CA file is only used for https URLs", local.Message, StringComparison.Ordinal);
        Assert.Contains("CA file", missing.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }

    private Task<ISource> Open(GitSourceOptions options) =>
        Sources.OpenAsync(options, _temp.Combine("mirror-" + Guid.NewGuid().ToString("N")[..8]), TestContext.Current.CancellationToken);
}
