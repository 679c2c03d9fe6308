using Prometheus;

namespace Palisade.Admission.Server;

/// <summary>
/// The webhook's Prometheus metrics, in a registry of its own so that a server started twice in one process (tests)
/// never shares counts.
/// </summary>
public sealed class WebhookMetrics
{
    private readonly Counter _requests;
    private readonly Histogram _duration;

    public WebhookMetrics()
    {
        var factory = Metrics.WithCustomRegistry(Registry);
        _requests = factory.CreateCounter("palisade_webhook_requests_total", "Admission requests answered, by verdict (allowed, denied, error).", new CounterConfiguration { LabelNames = ["verdict"] });
        _duration = factory.CreateHistogram("palisade_webhook_request_duration_seconds", "Time to answer an admission request.", new HistogramConfiguration
        {
            Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16),
        });
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            _requests.WithLabels(Label(verdict));
        }
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public void Record(Verdict verdict, TimeSpan duration)
    {
        _requests.WithLabels(Label(verdict)).Inc();
        _duration.Observe(duration.TotalSeconds);
    }

    private static string Label(Verdict verdict) => verdict switch
    {
        Verdict.Allowed => "allowed",
        Verdict.Denied => "denied",
        _ => "error",
    };
}
