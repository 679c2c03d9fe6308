namespace Palisade.GitOps.Status;

/// <summary>A condition as kstatus and Flux name them: <c>Ready</c>, <c>Reconciling</c>, <c>Stalled</c>.</summary>
/// <param name="Status"><c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
public sealed record Condition(string Type, string Status, string Reason, string Message, DateTimeOffset LastTransitionTime);

/// <summary>
/// What <c>palisade status</c> shows of a sync: the revision applied last and the one tried last (they differ while a
/// newer revision is refused), its conditions, and how many drifts it found and put back.
/// </summary>
public sealed record SyncStatus
{
    public string Name { get; init; } = "default";

    public string Source { get; init; } = string.Empty;

    public string? LastAppliedRevision { get; init; }

    public string? LastAttemptedRevision { get; init; }

    public DateTimeOffset? LastAppliedAt { get; init; }

    public DateTimeOffset? LastReconcileAt { get; init; }

    public int ManagedObjects { get; init; }

    public long DriftDetected { get; init; }

    public long DriftReverted { get; init; }

    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>The condition of <paramref name="type"/> set as given; its transition time moves only when its status changes.</summary>
    public SyncStatus With(string type, string status, string reason, string message, DateTimeOffset now)
    {
        var previous = Conditions.FirstOrDefault(c => c.Type == type);
        var since = previous is not null && previous.Status == status ? previous.LastTransitionTime : now;
        var conditions = Conditions.Where(c => c.Type != type).Append(new Condition(type, status, reason, message, since)).OrderBy(c => Order(c.Type)).ToList();
        return this with { Conditions = conditions };
    }

    private static int Order(string type) => type switch
    {
        "Ready" => 0,
        "Reconciling" => 1,
        "Stalled" => 2,
        _ => 3,
    };
}
