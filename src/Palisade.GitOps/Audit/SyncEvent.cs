namespace Palisade.GitOps.Audit;

public enum SyncOutcome
{
    Applied,
    Failed,
}

/// <summary>
/// One reconcile of a revision: who wrote and signed it, whether it applied, and what it changed. Only created,
/// configured and pruned objects are listed (with their diffs); unchanged ones are only counted, which keeps an
/// event of a large, quiet repository small.
/// </summary>
public sealed record SyncEvent : AuditEvent
{
    public SyncEvent(
        DateTimeOffset time,
        string revision,
        string source,
        string author,
        string committer,
        string? signer,
        SyncOutcome outcome,
        string? failureMessage,
        IReadOnlyList<ObjectChange> changes,
        int unchanged)
        : base(time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        ArgumentOutOfRangeException.ThrowIfNegative(unchanged);
        if ((outcome == SyncOutcome.Failed) != !string.IsNullOrWhiteSpace(failureMessage))
        {
            throw new ArgumentException("a failed sync, and only a failed one, carries a failure message", nameof(failureMessage));
        }

        Revision = revision;
        Source = source;
        Author = author;
        Committer = committer;
        Signer = signer;
        Outcome = outcome;
        FailureMessage = failureMessage;
        Changes = [.. changes];
        Unchanged = unchanged;
    }

    public override AuditEventType Type => AuditEventType.Sync;

    /// <summary>The commit SHA.</summary>
    public string Revision { get; }

    /// <summary>The repository URL, with any credentials already taken out by the caller.</summary>
    public string Source { get; }

    public string Author { get; }

    public string Committer { get; }

    /// <summary>Who signed the commit (key or identity), or null when it was not signed.</summary>
    public string? Signer { get; }

    public SyncOutcome Outcome { get; }

    public string? FailureMessage { get; }

    public IReadOnlyList<ObjectChange> Changes { get; }

    public int Unchanged { get; }

    public int Created => Changes.Count(c => c.Change == ChangeKind.Created);

    public int Configured => Changes.Count(c => c.Change == ChangeKind.Configured);

    public int Pruned => Changes.Count(c => c.Change == ChangeKind.Pruned);
}
