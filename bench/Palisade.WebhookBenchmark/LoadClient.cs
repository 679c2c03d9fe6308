using System.Diagnostics;
using System.Net.Http.Headers;

namespace Palisade.WebhookBenchmark;

/// <summary>
/// One client: a single keep-alive HTTPS connection that trusts only the generated certificate, posting reviews
/// back to back. Latency is measured from sending the request to having read the whole answer.
/// </summary>
internal sealed class LoadClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _validate;

    public LoadClient(int port, byte[] pinnedCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            SslOptions =
            {
                // Pinned to the exact certificate the benchmark generated: a self-signed one no store trusts.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinnedCertificate),
            },
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };
        _validate = new Uri($"https://127.0.0.1:{port}/validate");
    }

    /// <summary>Latencies (ms) of the requests started in the measured window.</summary>
    public List<double> Latencies { get; } = [];

    public int Allowed { get; private set; }

    public int Denied { get; private set; }

    /// <summary>Wrong verdicts, malformed answers and failed requests, warm-up included.</summary>
    public int Mismatches { get; private set; }

    public string? FirstMismatch { get; private set; }

    /// <summary>Posts bodies from <paramref name="first"/> on, round robin, until <paramref name="until"/>; measures those started from <paramref name="measureFrom"/>.</summary>
    public async Task Run(IReadOnlyList<ReviewBody> bodies, int first, long measureFrom, long until)
    {
        for (var i = first; Stopwatch.GetTimestamp() < until; i++)
        {
            var body = bodies[i % bodies.Count];
            var uid = Guid.NewGuid().ToString();
            using var content = new ByteArrayContent(body.WithUid(uid));
            content.Headers.ContentType = Json;
            var start = Stopwatch.GetTimestamp();
            bool? allowed;
            string? problem;
            try
            {
                using var response = await _http.PostAsync(_validate, content).ConfigureAwait(false);
                var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (start >= measureFrom)
                {
                    Latencies.Add(elapsed.TotalMilliseconds);
                }

                (allowed, problem) = ResponseCheck.Read(response.StatusCode, answer, uid);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                (allowed, problem) = (null, ex.Message);
            }

            if (problem is null && allowed != body.ExpectAllowed)
            {
                problem = $"want {(body.ExpectAllowed ? "allowed" : "denied")}, got {(allowed == true ? "allowed" : "denied")}";
            }

            if (problem is not null)
            {
                Mismatches++;
                FirstMismatch ??= $"{body.Sample.Name}: {problem}";
            }
            else if (start >= measureFrom && allowed == true)
            {
                Allowed++;
            }
            else if (start >= measureFrom)
            {
                Denied++;
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
