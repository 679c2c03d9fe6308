using Palisade.Sandbox;

namespace Palisade.Cli.Tests;

/// <summary>
/// <c>palisade diff</c>, <c>sync --once</c>, <c>status</c> and <c>events</c> on the example policy repository, against
/// the sandbox API server: the example passes its own governance rules and lands whole.
/// </summary>
public sealed class SyncCommandTests
{
    [Fact]
    public async Task The_example_repository_is_diffed_synced_and_reported()
    {
        var root = CliRunner.RepositoryRoot();
        if (!Directory.Exists(Path.Combine(root, ".git")))
        {
            Assert.Skip($"{root} is not a git work tree: palisade sync reads the example repository from its committed HEAD");
        }

        var example = Path.Combine(root, "examples", "policy-repo");
        var work = Directory.CreateTempSubdirectory("palisade-sync-cli-").FullName;
        try
        {
            await using var server = await SandboxServer.StartAsync(new SandboxOptions(), TestContext.Current.CancellationToken);
            var kubeconfig = Path.Combine(work, "kubeconfig");
            server.WriteKubeconfig(kubeconfig);
            var state = Path.Combine(work, "state");
            string[] target = [example, "--kubeconfig", kubeconfig, "--state", state];

            var before = CliRunner.Run(["diff", .. target]);
            Assert.True(before.ExitCode == 1, before.Stderr);
            Assert.Contains("create projectcalico.org/GlobalNetworkPolicy default-deny", before.Stdout, StringComparison.Ordinal);
            Assert.Contains("create projectcalico.org/NetworkPolicy shop/appid-acme-ams-shop-backend", before.Stdout, StringComparison.Ordinal);

            var sync = CliRunner.Run(["sync", .. target, "--once", "--create-namespaces", "--prune"]);
            Assert.True(sync.ExitCode == 0, sync.Stdout + sync.Stderr);
            Assert.Contains("applied main@sha1:", sync.Stdout, StringComparison.Ordinal);

            var after = CliRunner.Run(["diff", .. target]);
            Assert.True(after.ExitCode == 0, after.Stdout + after.Stderr);

            var status = CliRunner.Run("status", "--state", state);
            Assert.Equal(0, status.ExitCode);
            Assert.Contains("Ready        True", status.Stdout, StringComparison.Ordinal);

            var events = CliRunner.Run("events", "--state", state, "--type", "sync");
            Assert.Equal(0, events.ExitCode);
            Assert.Contains("created", events.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void An_unreachable_remote_is_refused_once_with_exit_1_and_reported_as_a_fetch_that_will_be_retried()
    {
        var work = Directory.CreateTempSubdirectory("palisade-sync-cli-").FullName;
        try
        {
            var url = $"http://127.0.0.1:{LoopbackPort.Unused()}/net/policy.git";
            var state = Path.Combine(work, "state");

            var sync = CliRunner.Run("sync", url, "--once", "--sandbox", "--state", state);
            var status = CliRunner.Run("status", "--state", state);
            var events = CliRunner.Run("events", "--state", state);

            Assert.Equal(1, sync.ExitCode);
            Assert.Contains($"refused the source: {url} could not be fetched: ", sync.Stdout, StringComparison.Ordinal);
            var conditions = status.Stdout.Split('\n').Select(l => l.Trim()).ToList();
            Assert.Contains(conditions, l => l.StartsWith($"Ready        False  FetchFailed: {url} could not be fetched", StringComparison.Ordinal));
            Assert.Contains(conditions, l => l.StartsWith("Stalled      False  RetryingFetch (since ", StringComparison.Ordinal));
            var refusal = Assert.Single(events.Stdout.Split('\n'), l => l.Contains(" refusal ", StringComparison.Ordinal));
            Assert.Contains("fetch-failed: " + url, refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("violation", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("problem", refusal, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData("--interval", "0s", "--interval 0s")]
    [InlineData("--max-prune-share", "2", "--max-prune-share 2")]
    [InlineData("--verify-signatures", null, "--verify-signatures needs --allowed-signers")]
    public void A_wrong_flag_is_one_line_naming_it_and_exit_1(string flag, string? value, string expected)
    {
        var state = Directory.CreateTempSubdirectory("palisade-sync-cli-").FullName;
        try
        {
            string[] args = value is null ? ["sync", state, "--once", "--state", state, flag] : ["sync", state, "--once", "--state", state, flag, value];
            var (exit, stdout, stderr) = CliRunner.Run(args);

            Assert.Equal(1, exit);
            Assert.StartsWith("Error: " + expected, stderr, StringComparison.Ordinal);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Empty(stdout);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public void A_folder_outside_any_git_repository_is_a_clear_error()
    {
        var folder = Directory.CreateTempSubdirectory("palisade-sync-cli-").FullName;
        try
        {
            var (exit, _, stderr) = CliRunner.Run("sync", folder, "--once", "--state", Path.Combine(folder, "state"), "--kubeconfig", Path.Combine(folder, "none"));

            Assert.Equal(1, exit);
            Assert.StartsWith("Error: ", stderr, StringComparison.Ordinal);
            Assert.Contains(folder, stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("kubeconfig", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
