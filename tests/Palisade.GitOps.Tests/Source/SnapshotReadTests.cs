using System.Text;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

public sealed class SnapshotReadTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestRepository _remote;

    public SnapshotReadTests()
    {
        _remote = new TestRepository(_temp.Combine("remote"));
        _remote.Write("README.md", "readme").Write("net/policies/deny.yaml", "deny").Write("net/policies/team/allow.yaml", "allow");
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FilesAreKeyedRelativeToThePathInOrdinalOrder()
    {
        _remote.Write("net/policies/Zeta.yaml", "z").Write("net/policies-old/stale.yaml", "stale").Commit("Policies");

        var snapshot = await ReadAsync(new() { Url = Url, Path = "./net//policies/" });

        Assert.Equal(["Zeta.yaml", "deny.yaml", "team/allow.yaml"], snapshot.Files.Keys);
        Assert.Equal("allow", Text(snapshot, "team/allow.yaml"));
    }

    [Fact]
    public async Task TheDigestChangesWithAnyContentAndOnlyThen()
    {
        _remote.Commit("First");
        var first = await ReadAsync(new() { Url = Url });
        _remote.Write("CHANGELOG.md", "").Commit("Unrelated history");
        _remote.Git("rm", "--quiet", "CHANGELOG.md");
        _remote.Commit("Same files again");
        var same = await ReadAsync(new() { Url = Url });
        _remote.Write("net/policies/deny.yaml", "denY").Commit("Changed");
        var changed = await ReadAsync(new() { Url = Url });

        Assert.StartsWith("sha256:", first.Digest);
        Assert.Equal(71, first.Digest.Length);
        Assert.Equal(first.Digest, same.Digest);
        Assert.NotEqual(first.Digest, changed.Digest);
    }

    [Fact]
    public async Task ALinkToAFileInsideThePathReadsThatFile()
    {
        _remote.Link("net/policies/current.yaml", "team/allow.yaml").Link("net/policies/team/back.yaml", "../deny.yaml").Commit("Links");

        var snapshot = await ReadAsync(new() { Url = Url, Path = "net/policies" });

        Assert.Equal("allow", Text(snapshot, "current.yaml"));
        Assert.Equal("deny", Text(snapshot, "team/back.yaml"));
    }

    [Fact]
    public async Task AChainOfLinksIsFollowed()
    {
        _remote.Link("net/policies/a.yaml", "b.yaml").Link("net/policies/b.yaml", "team/c.yaml").Link("net/policies/team/c.yaml", "allow.yaml").Commit("Chain");

        var snapshot = await ReadAsync(new() { Url = Url, Path = "net" });

        Assert.Equal("allow", Text(snapshot, "policies/a.yaml"));
    }

    [Theory]
    [InlineData("../../../etc/passwd", "net/policies/passwd.yaml: symbolic link to ../../../etc/passwd leaves the repository")]
    [InlineData("/etc/passwd", "net/policies/passwd.yaml: symbolic link to /etc/passwd leaves the repository")]
    [InlineData("../../README.md", "net/policies/passwd.yaml: symbolic link to ../../README.md leaves net/policies")]
    [InlineData("missing.yaml", "net/policies/passwd.yaml: symbolic link to missing.yaml leads to nothing in the commit")]
    [InlineData("team", "net/policies/passwd.yaml: symbolic link to team leads to a folder, which is not followed")]
    public async Task ALinkThatLeavesThePathOrLeadsNowhereIsRefused(string target, string message)
    {
        _remote.Link("net/policies/passwd.yaml", target).Commit("Hostile link");

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(new() { Url = Url, Path = "net/policies" }));

        Assert.Equal(RefusalReason.PathEscape, error.Reason);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task ALinkLoopIsRefused()
    {
        _remote.Link("net/a.yaml", "b.yaml").Link("net/b.yaml", "policies/../a.yaml").Commit("Loop");

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(new() { Url = Url }));

        Assert.Equal(RefusalReason.PathEscape, error.Reason);
        Assert.Equal("net/a.yaml: symbolic link to b.yaml is a loop or a chain of more than 8 links", error.Message);
    }

    [Fact]
    public async Task ASubmoduleInsideThePathIsRefused()
    {
        var library = new TestRepository(_temp.Combine("library"));
        library.Write("lib.yaml", "lib").Commit("Library");
        _remote.Git("-c", "protocol.file.allow=always", "submodule", "--quiet", "add", library.Path, "net/policies/vendor");
        _remote.Commit("Vendor a library");

        var refused = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(new() { Url = Url, Path = "net" }));
        var outside = await ReadAsync(new() { Url = Url, Path = "net/policies/team" });

        Assert.Equal(RefusalReason.InvalidManifest, refused.Reason);
        Assert.StartsWith("net/policies/vendor: submodules are not allowed inside the source path", refused.Message);
        Assert.Equal(["allow.yaml"], outside.Files.Keys);
    }

    [Fact]
    public async Task MoreFilesThanTheLimitAreRefused()
    {
        _remote.Commit("Three files");

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(new() { Url = Url, MaxFiles = 2 }));
        var fits = await ReadAsync(new() { Url = Url, MaxFiles = 3 });

        Assert.Equal(RefusalReason.Limits, error.Reason);
        Assert.Equal("the repository has more than 2 files", error.Message);
        Assert.Equal(3, fits.Files.Count);
    }

    [Fact]
    public async Task AFileLargerThanTheLimitIsRefused()
    {
        _remote.Write("net/policies/big.yaml", new string('x', 2000)).Commit("Big file");

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(new() { Url = Url, MaxFileBytes = 1999 }));

        Assert.Equal(RefusalReason.Limits, error.Reason);
        Assert.Equal("net/policies/big.yaml: 2000 bytes, more than the limit of 1999", error.Message);
    }

    [Fact]
    public async Task ALinkCountsWithTheSizeOfItsTarget()
    {
        _remote.Write("net/policies/big.yaml", new string('x', 2000)).Link("net/policies/alias.yaml", "big.yaml").Commit("Linked big file");

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(new() { Url = Url, Path = "net/policies", MaxTotalBytes = 4008 }));
        var fits = await ReadAsync(new() { Url = Url, Path = "net/policies", MaxTotalBytes = 4009 });

        Assert.Equal(RefusalReason.Limits, error.Reason);
        Assert.Equal("path net/policies: files total 4009 bytes, more than the limit of 4008", error.Message);
        Assert.Equal(fits.Files["big.yaml"], fits.Files["alias.yaml"]);
    }

    [Fact]
    public async Task APathThatIsNotAFolderIsRefused()
    {
        _remote.Commit("Policies");

        var missing = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(new() { Url = Url, Path = "nothing/here" }));
        var file = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(new() { Url = Url, Path = "README.md" }));

        Assert.StartsWith("path nothing/here is not a folder in commit ", missing.Message);
        Assert.StartsWith("path README.md is not a folder in commit ", file.Message);
    }

    private string Url => "file://" + _remote.Path;

    private static string Text(SourceSnapshot snapshot, string path) => Encoding.UTF8.GetString(snapshot.Files[path].AsSpan());

    private async Task<SourceSnapshot> ReadAsync(GitSourceOptions options)
    {
        var source = await Sources.OpenAsync(options, _temp.Combine("mirror"), Cancellation);
        return await source.ReadAsync(await source.FetchAsync(Cancellation), Cancellation);
    }
}
