using System.Net;
using Palisade.GitOps.Metrics;

namespace Palisade.GitOps.Tests.Metrics;

/// <summary>The controller's HTTP endpoint over real sockets: probes, the scrape format, ports and bad addresses.</summary>
public sealed class MetricsEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PortZeroBindsAFreePortAndReportsIt()
    {
        await using var endpoint = await MetricsEndpoint.StartAsync("127.0.0.1:0", new SyncMetrics().Registry, Cancel);

        var port = int.Parse(endpoint.BoundAddress.Split(':')[1]);
        Assert.StartsWith("127.0.0.1:", endpoint.BoundAddress, StringComparison.Ordinal);
        Assert.InRange(port, 1, 65535);
        using var health = await Scrape.Http.GetAsync(Scrape.Url(endpoint, "/healthz"), Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task AnEmptyHostListensOnEveryInterface()
    {
        await using var endpoint = await MetricsEndpoint.StartAsync(":0", new SyncMetrics().Registry, Cancel);

        Assert.StartsWith("0.0.0.0:", endpoint.BoundAddress, StringComparison.Ordinal);
        var port = endpoint.BoundAddress.Split(':')[1];
        using var health = await Scrape.Http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ReadinessFollowsSetReady()
    {
        await using var endpoint = await MetricsEndpoint.StartAsync("127.0.0.1:0", new SyncMetrics().Registry, Cancel);
        var readyz = Scrape.Url(endpoint, "/readyz");

        using var before = await Scrape.Http.GetAsync(readyz, Cancel);
        endpoint.SetReady(true);
        using var ready = await Scrape.Http.GetAsync(readyz, Cancel);
        endpoint.SetReady(false);
        using var after = await Scrape.Http.GetAsync(readyz, Cancel);
        using var health = await Scrape.Http.GetAsync(Scrape.Url(endpoint, "/healthz"), Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", await ready.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task MetricsAreServedInThePrometheusTextFormat()
    {
        var metrics = new SyncMetrics();
        metrics.SetManagedObjects(12);
        await using var endpoint = await MetricsEndpoint.StartAsync("localhost:0", metrics.Registry, Cancel);

        using var response = await Scrape.Http.GetAsync(Scrape.Url(endpoint, "/metrics"), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        Assert.Contains("# TYPE palisade_managed_objects gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE palisade_reconcile_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Equal(12, Exposition.Parse(text).Value("palisade_managed_objects"));
    }

    [Fact]
    public async Task OtherPathsAndMethodsAreRefused()
    {
        await using var endpoint = await MetricsEndpoint.StartAsync("127.0.0.1:0", new SyncMetrics().Registry, Cancel);

        using var missing = await Scrape.Http.GetAsync(Scrape.Url(endpoint, "/"), Cancel);
        using var post = await Scrape.Http.PostAsync(Scrape.Url(endpoint, "/metrics"), new StringContent(""), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task AStoppedEndpointNoLongerAnswers()
    {
        var endpoint = await MetricsEndpoint.StartAsync("127.0.0.1:0", new SyncMetrics().Registry, Cancel);
        var url = Scrape.Url(endpoint, "/healthz");

        await endpoint.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => Scrape.Http.GetAsync(url, Cancel));
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:http")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("example.com:8080")]
    [InlineData("::1:8080")]
    [InlineData("[127.0.0.1]:8080")]
    [InlineData("")]
    public async Task AnAddressThatCannotBeReadIsRejectedByName(string address)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => MetricsEndpoint.StartAsync(address, new SyncMetrics().Registry, Cancel));

        Assert.Contains($"'{address}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AnIPv6AddressInBracketsIsAccepted()
    {
        if (!System.Net.Sockets.Socket.OSSupportsIPv6)
        {
            Assert.Skip("this machine has no IPv6");
        }

        await using var endpoint = await MetricsEndpoint.StartAsync("[::1]:0", new SyncMetrics().Registry, Cancel);

        Assert.StartsWith("[::1]:", endpoint.BoundAddress, StringComparison.Ordinal);
        using var health = await Scrape.Http.GetAsync(Scrape.Url(endpoint, "/healthz"), Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
