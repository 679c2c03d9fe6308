using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Source;
using Palisade.GitOps.Tests.Support;

namespace Palisade.GitOps.Tests.Source;

public sealed class TimeoutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AGitCommandThatOutlivesItsTimeoutIsKilledWithItsChildren()
    {
        var marker = _temp.Combine("finished");
        var git = new GitProcess(_temp.Path, TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => git.RunAsync(["-c", $"alias.hang=!sleep 3 && touch '{marker}'", "hang"], Cancellation));
        var elapsed = clock.Elapsed;
        // Past the moment the shell would have touched the marker, had it been left running.
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, 3.5 - clock.Elapsed.TotalSeconds)), Cancellation);

        Assert.Equal("git hang did not finish within 0.3 s", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(2.5), $"took {elapsed}");
        Assert.False(File.Exists(marker), "the shell git started was left running");
    }

    [Fact]
    public async Task ARemoteThatNeverAnswersFailsTheFetchAfterTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/net/policy.git";
        var source = await Sources.OpenAsync(new GitSourceOptions { Url = url, Timeout = TimeSpan.FromSeconds(1) }, _temp.Combine("mirror"), Cancellation);

        var error = await Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(Cancellation));

        Assert.Equal(RefusalReason.FetchFailed, error.Reason);
        Assert.Equal($"{url} could not be fetched: git ls-remote did not finish within 1 s", error.Message);
    }

    [Fact]
    public async Task CancellingAFetchStopsIt()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/net/policy.git";
        var source = await Sources.OpenAsync(new GitSourceOptions { Url = url }, _temp.Combine("mirror"), Cancellation);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.FetchAsync(cancel.Token));
    }
}
