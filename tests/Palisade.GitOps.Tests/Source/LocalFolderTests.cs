using System.Text;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

public sealed class LocalFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestRepository _repository;

    public LocalFolderTests()
    {
        _repository = new TestRepository(_temp.Combine("palisade"));
        _repository
            .Write("README.md", "readme")
            .Write("examples/policy-repo/policies/deny.yaml", "deny")
            .Write("examples/policy-repo/policy/rules.rego", "package rules")
            .Commit("Example policy repository");
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AFolderInsideAWorkTreeIsReadFromTheCommittedHead()
    {
        _repository.Write("examples/policy-repo/policies/draft.yaml", "not committed");
        _repository.Write("examples/policy-repo/policies/deny.yaml", "changed, not committed");

        var snapshot = await ReadAsync(new GitSourceOptions { Url = _repository.Combine("examples/policy-repo") });

        Assert.Equal(["policies/deny.yaml", "policy/rules.rego"], snapshot.Files.Keys);
        Assert.Equal("deny", Encoding.UTF8.GetString(snapshot.Files["policies/deny.yaml"].AsSpan()));
    }

    [Fact]
    public async Task ThePathIsRelativeToTheFolder()
    {
        var snapshot = await ReadAsync(new GitSourceOptions { Url = _repository.Combine("examples/policy-repo"), Path = "policies" });

        Assert.Equal(["deny.yaml"], snapshot.Files.Keys);
    }

    [Fact]
    public async Task TheRevisionNamesTheCheckedOutBranchAndTheFolder()
    {
        _repository.Git("checkout", "--quiet", "-b", "feature");
        var commit = _repository.Write("examples/policy-repo/policies/new.yaml", "new").Commit("New policy");

        var source = await Sources.OpenAsync(new GitSourceOptions { Url = _repository.Combine("examples/policy-repo") }, _temp.Combine("mirror"), Cancellation);
        var revision = await source.FetchAsync(Cancellation);

        Assert.Equal($"feature@sha1:{commit}", revision.Id);
        Assert.Equal("examples/policy-repo", revision.Path);
    }

    [Fact]
    public async Task AFolderOutsideAnyWorkTreeIsRefused()
    {
        var folder = Directory.CreateDirectory(_temp.Combine("plain")).FullName;

        var error = await Assert.ThrowsAsync<SourceException>(() => Sources.OpenAsync(new GitSourceOptions { Url = folder }, _temp.Combine("mirror"), Cancellation));

        Assert.Equal(RefusalReason.Other, error.Reason);
        Assert.StartsWith($"folder {folder} is not inside a git work tree", error.Message);
    }

    private async Task<SourceSnapshot> ReadAsync(GitSourceOptions options)
    {
        var source = await Sources.OpenAsync(options, _temp.Combine("mirror"), Cancellation);
        return await source.ReadAsync(await source.FetchAsync(Cancellation), Cancellation);
    }
}
