using Palisade.GitOps.Metrics;

namespace Palisade.GitOps.Tests.Metrics;

/// <summary>Serves a registry on a free loopback port and reads it over HTTP, as Prometheus would.</summary>
internal static class Scrape
{
    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<IReadOnlyList<Sample>> MetricsAsync(SyncMetrics metrics)
    {
        await using var endpoint = await MetricsEndpoint.StartAsync("127.0.0.1:0", metrics.Registry, TestContext.Current.CancellationToken);
        var text = await Http.GetStringAsync(Url(endpoint, "/metrics"), TestContext.Current.CancellationToken);
        return Exposition.Parse(text);
    }

    public static Uri Url(MetricsEndpoint endpoint, string path) => new($"http://{endpoint.BoundAddress}{path}");
}
