namespace Palisade.GitOps.Audit;

/// <summary>
/// Which events to read; unset filters match everything. <see cref="Object"/> and <see cref="Kind"/> match sync
/// events that touched such an object and drift events about one, never refusals. <see cref="Since"/> is inclusive,
/// <see cref="Until"/> exclusive. Newest first unless <see cref="OldestFirst"/>, at most <see cref="Limit"/> events.
/// </summary>
public sealed record AuditQuery
{
    public const int DefaultLimit = 100;

    public ObjectFilter? Object { get; init; }

    public string? Kind { get; init; }

    public AuditEventType? Type { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>The start of a commit SHA, in any case.</summary>
    public string? RevisionPrefix { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public bool OldestFirst { get; init; }
}
