using Palisade.GitOps.Audit;
using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

public sealed class SourceFetchTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestRepository _remote;
    private readonly string _first;

    public SourceFetchTests()
    {
        _remote = new TestRepository(_temp.Combine("remote"));
        _first = _remote.Write("policies/deny.yaml", "kind: NetworkPolicy\n").Commit("Deny by default");
    }

    private string Url => "file://" + _remote.Path;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WithoutARefTheRemotesHeadBranchIsFetched()
    {
        _remote.Git("checkout", "--quiet", "-b", "trunk");
        var second = _remote.Write("b.yaml", "b").Commit("On trunk");

        var revision = await (await Open()).FetchAsync(Cancellation);

        Assert.Equal("trunk", revision.Ref);
        Assert.Equal(second, revision.Commit);
        Assert.Equal($"trunk@sha1:{second}", revision.Id);
        Assert.Equal(second[..12], revision.ShortCommit);
        Assert.Null(revision.TagObject);
    }

    [Fact]
    public async Task ABranchIsFetchedWithItsCommitInformation()
    {
        _remote.Git("branch", "release");
        _remote.Write("later.yaml", "x").Commit("Not on release");

        var revision = await (await Open("release")).FetchAsync(Cancellation);

        Assert.Equal($"release@sha1:{_first}", revision.Id);
        Assert.Equal(Url, revision.Source);
        Assert.Equal(new CommitInfo("Ana Lima", "ana@example.com", "Bo Chen", "bo@example.com", new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.Zero), "Deny by default"), revision.CommitInfo);
    }

    [Fact]
    public async Task ALightweightTagIsFetched()
    {
        _remote.Git("tag", "v1");
        _remote.Write("later.yaml", "x").Commit("After v1");

        var revision = await (await Open("v1")).FetchAsync(Cancellation);

        Assert.Equal($"v1@sha1:{_first}", revision.Id);
        Assert.Null(revision.TagObject);
    }

    [Fact]
    public async Task AnAnnotatedTagIsPeeledToItsCommit()
    {
        _remote.Git("tag", "-a", "v2", "-m", "Release 2");
        var tagObject = _remote.Git("rev-parse", "v2").Trim();

        var revision = await (await Open("v2")).FetchAsync(Cancellation);

        Assert.Equal(_first, revision.Commit);
        Assert.Equal(tagObject, revision.TagObject);
        Assert.NotEqual(tagObject, revision.Commit);
    }

    [Fact]
    public async Task AFullCommitIdIsFetchedEvenWhenNoBranchPointsAtIt()
    {
        var second = _remote.Write("b.yaml", "b").Commit("Second");
        _remote.Write("c.yaml", "c").Commit("Third");

        var revision = await (await Open(_first)).FetchAsync(Cancellation);

        Assert.Equal(_first, revision.Commit);
        Assert.Equal($"sha1:{_first}", revision.Id);
        Assert.NotEqual(second, revision.Commit);
    }

    [Fact]
    public async Task AnAbbreviatedCommitIdIsLookedUpInTheFullHistory()
    {
        _remote.Write("b.yaml", "b").Commit("Second");

        var source = await Open(_first[..10]);
        var revision = await source.FetchAsync(Cancellation);
        var snapshot = await source.ReadAsync(revision, Cancellation);

        Assert.Equal(_first, revision.Commit);
        Assert.Equal(["policies/deny.yaml"], snapshot.Files.Keys);
    }

    [Fact]
    public async Task TheNextFetchPicksUpANewCommit()
    {
        var source = await Open("main");
        var before = await source.FetchAsync(Cancellation);
        var second = _remote.Write("policies/allow.yaml", "kind: NetworkPolicy\n").Commit("Allow dns");

        var after = await source.FetchAsync(Cancellation);
        var snapshot = await source.ReadAsync(after, Cancellation);

        Assert.Equal(_first, before.Commit);
        Assert.Equal(second, after.Commit);
        Assert.Equal(["policies/allow.yaml", "policies/deny.yaml"], snapshot.Files.Keys);
    }

    [Fact]
    public async Task AForcePushedBranchIsFollowed()
    {
        var source = await Open("main");
        _remote.Write("b.yaml", "b").Commit("Second");
        await source.FetchAsync(Cancellation);
        _remote.Git("reset", "--quiet", "--hard", _first);
        var rewritten = _remote.Write("c.yaml", "c").Commit("Rewritten");

        var revision = await source.FetchAsync(Cancellation);

        Assert.Equal(rewritten, revision.Commit);
    }

    [Fact]
    public async Task ADeletedRemoteFailsToFetch()
    {
        var source = await Open("main");
        await source.FetchAsync(Cancellation);
        Directory.Delete(_remote.Path, recursive: true);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(Cancellation));

        Assert.Equal(RefusalReason.FetchFailed, error.Reason);
        Assert.StartsWith($"{Url} could not be fetched: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AnUnknownRefFailsToFetchNamingTheRef()
    {
        var error = await Assert.ThrowsAsync<SourceException>(async () => await (await Open("no-such-branch")).FetchAsync(Cancellation));

        Assert.Equal(RefusalReason.FetchFailed, error.Reason);
        Assert.Equal($"ref no-such-branch was not found in {Url}: no branch, tag or commit of that name", error.Message);
    }

    [Fact]
    public async Task AnUnknownCommitFailsToFetch()
    {
        var error = await Assert.ThrowsAsync<SourceException>(async () => await (await Open("0123456789abcdef0123456789abcdef01234567")).FetchAsync(Cancellation));

        Assert.Equal(RefusalReason.FetchFailed, error.Reason);
        Assert.Equal($"commit 0123456789abcdef0123456789abcdef01234567 was not found in {Url}", error.Message);
    }

    [Fact]
    public async Task ANameThatIsBothABranchAndATagMustBeSpelledOut()
    {
        _remote.Git("tag", "stable");
        _remote.Git("branch", "stable");
        var source = await Open("stable");

        var error = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(Cancellation));
        var revision = await (await Open("refs/tags/stable")).FetchAsync(Cancellation);

        Assert.Contains("is both a branch and a tag", error.Message);
        Assert.Equal($"refs/tags/stable@sha1:{_first}", revision.Id);
    }

    [Fact]
    public async Task ATreeWithADotDotEntryIsRefusedByTheFetch()
    {
        var blob = _remote.GitWithInput("stolen\n", "hash-object", "-w", "--stdin").Trim();
        var hostile = _remote.GitWithInput($"100644 blob {blob}\t..\n", "mktree").Trim();
        var root = _remote.GitWithInput($"040000 tree {hostile}\tpolicies\n", "mktree").Trim();
        var commit = _remote.Git("commit-tree", root, "-p", _first, "-m", "Hostile tree").Trim();
        _remote.Git("update-ref", "refs/heads/main", commit);

        var error = await Assert.ThrowsAsync<SourceException>(async () => await (await Open("main")).FetchAsync(Cancellation));

        Assert.Equal(RefusalReason.FetchFailed, error.Reason);
        Assert.StartsWith($"{Url} could not be fetched: ", error.Message);
    }

    private Task<ISource> Open(string? gitRef = null) =>
        Sources.OpenAsync(new GitSourceOptions { Url = Url, Ref = gitRef }, _temp.Combine("mirror"), Cancellation);
}
