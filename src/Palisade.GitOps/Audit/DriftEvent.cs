namespace Palisade.GitOps.Audit;

public enum DriftKind
{
    Modified,
    Deleted,
}

/// <summary>
/// A managed object found different from Git in the cluster. <see cref="Diff"/> goes from the expected managed
/// fields to the live ones; <see cref="ChangedBy"/> names the field managers that wrote the differing fields, when
/// managedFields tell. An event not reverted says why (detect-only mode, backing off, or the error).
/// </summary>
public sealed record DriftEvent : AuditEvent
{
    public DriftEvent(DateTimeOffset time, ObjectRef @object, DriftKind drift, string diff, IReadOnlyList<string>? changedBy, bool reverted, string? notRevertedReason)
        : base(time)
    {
        if (reverted == !string.IsNullOrWhiteSpace(notRevertedReason))
        {
            throw new ArgumentException("a drift not reverted, and only one, says why it was not", nameof(notRevertedReason));
        }

        Object = @object;
        Drift = drift;
        Diff = diff;
        ChangedBy = changedBy is null ? null : [.. changedBy];
        Reverted = reverted;
        NotRevertedReason = notRevertedReason;
    }

    public override AuditEventType Type => AuditEventType.Drift;

    public ObjectRef Object { get; }

    public DriftKind Drift { get; }

    public string Diff { get; }

    public IReadOnlyList<string>? ChangedBy { get; }

    public bool Reverted { get; }

    public string? NotRevertedReason { get; }
}
