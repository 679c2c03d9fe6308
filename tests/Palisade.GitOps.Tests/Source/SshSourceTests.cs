using Palisade.GitOps.Audit;
using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

/// <summary>
/// An ssh remote as a forge serves it to a deploy key, through the real sshd: the key is the only one offered, the
/// host key is checked against known_hosts (or pinned on first use), and each refusal says ssh's own reason.
/// </summary>
public sealed class SshSourceTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SshKey _deployKey;
    private readonly string _repository;

    public SshSourceTests()
    {
        _deployKey = new SshKey(_temp.Path, "deploy-key");
        var work = new TestRepository(_temp.Combine("work"));
        work.Write("policies/shop/backend.yaml", "kind: NetworkPolicy\n").Commit("backend");
        Directory.CreateDirectory(_temp.Combine("served"));
        Tools.Run("git", _temp.Combine("served"), null, "clone", "--quiet", "--bare", work.Path, "policy.git");
        _repository = _temp.Combine("served", "policy.git");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_deploy_key_and_a_known_hosts_file_fetch_the_repository()
    {
        using var server = await SshGitServer.StartAsync(_temp.Path, _deployKey, "host-key");
        var knownHosts = _temp.Combine("known_hosts");
        await File.WriteAllTextAsync(knownHosts, server.KnownHostsLine + "\n", TestContext.Current.CancellationToken);
        var source = await Open(new GitSourceOptions { Url = server.Url(_repository), SshKeyFile = _deployKey.PrivateKey, KnownHostsFile = knownHosts });

        var revision = await source.FetchAsync(TestContext.Current.CancellationToken);
        var snapshot = await source.ReadAsync(revision, TestContext.Current.CancellationToken);

        Assert.StartsWith("main@sha1:", revision.Id, StringComparison.Ordinal);
        Assert.Equal(["policies/shop/backend.yaml"], snapshot.Files.Keys);
    }

    [Fact]
    public async Task A_server_missing_from_the_known_hosts_file_is_refused_for_its_host_key()
    {
        using var server = await SshGitServer.StartAsync(_temp.Path, _deployKey, "host-key");
        var knownHosts = _temp.Combine("known_hosts");
        await File.WriteAllTextAsync(knownHosts, $"[127.0.0.1]:{server.Port} {new SshKey(_temp.Path, "other-host").PublicKey}\n", TestContext.Current.CancellationToken);
        var source = await Open(new GitSourceOptions { Url = server.Url(_repository), SshKeyFile = _deployKey.PrivateKey, KnownHostsFile = knownHosts });

        var failure = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(TestContext.Current.CancellationToken));

        Assert.Equal(RefusalReason.FetchFailed, failure.Reason);
        Assert.Contains("Host key verification failed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_the_server_does_not_authorize_is_refused_and_no_other_key_is_tried()
    {
        using var server = await SshGitServer.StartAsync(_temp.Path, _deployKey, "host-key");
        var stranger = new SshKey(_temp.Path, "stranger");
        var source = await Open(new GitSourceOptions { Url = server.Url(_repository), SshKeyFile = stranger.PrivateKey });

        var failure = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(TestContext.Current.CancellationToken));

        Assert.Equal(RefusalReason.FetchFailed, failure.Reason);
        Assert.Contains("Permission denied (publickey)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_known_hosts_file_the_first_host_key_is_pinned_and_a_changed_one_is_refused()
    {
        var mirror = _temp.Combine("mirror");
        int port;
        using (var first = await SshGitServer.StartAsync(_temp.Path, _deployKey, "host-key"))
        {
            port = first.Port;
            var source = await Sources.OpenAsync(new GitSourceOptions { Url = first.Url(_repository), SshKeyFile = _deployKey.PrivateKey }, mirror, TestContext.Current.CancellationToken);
            await source.FetchAsync(TestContext.Current.CancellationToken);
        }

        // The same address answering with another host key is what a man in the middle looks like.
        using var impostor = await SshGitServer.StartAsync(_temp.Path, _deployKey, "impostor-host-key", port);
        var again = await Sources.OpenAsync(new GitSourceOptions { Url = impostor.Url(_repository), SshKeyFile = _deployKey.PrivateKey }, mirror, TestContext.Current.CancellationToken);

        var failure = await Assert.ThrowsAsync<SourceException>(() => again.FetchAsync(TestContext.Current.CancellationToken));

        Assert.Equal(RefusalReason.FetchFailed, failure.Reason);
        Assert.Contains("Host key verification failed", failure.Message, StringComparison.Ordinal);
    }

    private Task<ISource> Open(GitSourceOptions options) =>
        Sources.OpenAsync(options, _temp.Combine("mirror-" + Guid.NewGuid().ToString("N")[..8]), TestContext.Current.CancellationToken);
}
