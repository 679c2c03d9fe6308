namespace Palisade.GitOps.Audit;

/// <summary>Why a revision was not applied at all.</summary>
public enum RefusalReason
{
    Unsigned,
    SignatureInvalid,
    PolicyViolation,
    InvalidManifest,
    ForbiddenKind,
    ForbiddenNamespace,
    PathEscape,
    Limits,
    PruneSafety,
    FetchFailed,

    /// <summary>The API server rejected an object in the dry run that precedes every apply.</summary>
    ApplyRejected,
    Other,
}

/// <summary>One finding that made a revision unacceptable; <see cref="Line"/> and <see cref="Rule"/> are null when unknown.</summary>
public sealed record Violation(string File, int? Line, string Message, string? Rule);

/// <summary>A revision refused before anything was applied. <see cref="Revision"/> is null when it could not even be fetched.</summary>
public sealed record RefusalEvent : AuditEvent
{
    public RefusalEvent(DateTimeOffset time, string? revision, RefusalReason reason, string message, IReadOnlyList<Violation> violations)
        : base(time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Revision = revision;
        Reason = reason;
        Message = message;
        Violations = [.. violations];
    }

    public override AuditEventType Type => AuditEventType.Refusal;

    public string? Revision { get; }

    public RefusalReason Reason { get; }

    public string Message { get; }

    public IReadOnlyList<Violation> Violations { get; }
}
