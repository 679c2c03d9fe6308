namespace Palisade.GitOps.Audit;

/// <summary>
/// How much history the audit log keeps: events older than <see cref="MaxAge"/> go, and beyond
/// <see cref="MaxEvents"/> the oldest go; a null limit is no limit.
/// </summary>
public sealed record AuditRetention(TimeSpan? MaxAge, int? MaxEvents)
{
    /// <summary>
    /// 90 days and 100,000 events: a quarter covers the usual audit review period, and the count bounds the
    /// file (a few hundred MB at worst, with large diffs) when a flapping object drifts every few seconds.
    /// </summary>
    public static AuditRetention Default { get; } = new(TimeSpan.FromDays(90), 100_000);

    public static AuditRetention Unlimited { get; } = new(null, null);
}
