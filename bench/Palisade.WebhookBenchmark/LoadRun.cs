using System.Diagnostics;

namespace Palisade.WebhookBenchmark;

/// <summary>What one run measured; latencies are sorted, in milliseconds.</summary>
internal sealed record LoadResult(int Clients, double Seconds, double[] Latencies, int Allowed, int Denied, int Mismatches, string? FirstMismatch)
{
    public double Throughput => Latencies.Length / Seconds;

    /// <summary>Nearest-rank percentile: the smallest latency at least <paramref name="percent"/>% of requests did not exceed.</summary>
    public double Percentile(double percent) =>
        Latencies.Length == 0 ? double.NaN : Latencies[Math.Max(0, (int)Math.Ceiling(percent / 100 * Latencies.Length) - 1)];
}

/// <summary>Runs <c>clients</c> clients against the webhook: a warm-up whose requests are checked but not timed, then the measured window.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> Run(int port, byte[] pinnedCertificate, IReadOnlyList<ReviewBody> bodies, int clients, TimeSpan duration)
    {
        var load = Enumerable.Range(0, clients).Select(_ => new LoadClient(port, pinnedCertificate)).ToList();
        try
        {
            var measureFrom = Stopwatch.GetTimestamp() + (long)(BenchOptions.WarmUp.TotalSeconds * Stopwatch.Frequency);
            var until = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

            // Clients start at different bodies so that at any moment the server sees a mix, not one object N times.
            await Task.WhenAll(load.Select((client, k) => Task.Run(() => client.Run(bodies, k * bodies.Count / clients, measureFrom, until)))).ConfigureAwait(false);

            // The window ends when the last request started in it has been answered.
            var seconds = Stopwatch.GetElapsedTime(measureFrom).TotalSeconds;
            var latencies = load.SelectMany(c => c.Latencies).Order().ToArray();
            return new LoadResult(
                clients,
                seconds,
                latencies,
                load.Sum(c => c.Allowed),
                load.Sum(c => c.Denied),
                load.Sum(c => c.Mismatches),
                load.Select(c => c.FirstMismatch).FirstOrDefault(m => m is not null));
        }
        finally
        {
            load.ForEach(c => c.Dispose());
        }
    }
}
