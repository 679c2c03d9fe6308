namespace Palisade.GitOps.Metrics;

/// <summary>How one reconcile ended; its lower-case name is the <c>result</c> label of the reconcile metrics.</summary>
public enum ReconcileResult
{
    Applied,
    Refused,
    Failed,
    Unchanged,
}
