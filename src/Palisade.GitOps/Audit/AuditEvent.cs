namespace Palisade.GitOps.Audit;

/// <summary>Something <c>palisade sync</c> did or refused to do. Times are kept, and read back, in UTC.</summary>
public abstract record AuditEvent(DateTimeOffset Time)
{
    public abstract AuditEventType Type { get; }
}

public enum AuditEventType
{
    Sync,
    Drift,
    Refusal,
}

/// <summary>One stored event and its row id, which increases with every record.</summary>
public sealed record AuditEntry(long Id, AuditEvent Event);
