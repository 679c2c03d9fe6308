using Palisade.GitOps.Planning;

namespace Palisade.GitOps.Sync;

public enum SyncOutcomeKind
{
    /// <summary>The revision was applied and the cluster changed.</summary>
    Applied,

    /// <summary>The cluster already matched the revision.</summary>
    Unchanged,

    /// <summary>The revision failed a check; nothing of it was applied.</summary>
    Refused,

    /// <summary>The API server failed the apply; the cluster may hold part of the revision until the next attempt.</summary>
    Failed,
}

/// <summary>What one reconcile did.</summary>
public sealed record SyncResult(SyncOutcomeKind Kind, string? Revision, SyncPlan? Plan, RevisionRefusal? Refusal, string? Error, TimeSpan Duration);
