using Palisade.GitOps.Audit;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.SelfHeal;

/// <summary>A drift self-heal found: the object, what changed and who changed it, and whether it was put back (and if not, why).</summary>
public sealed record DriftReport(
    DateTimeOffset Time,
    string Revision,
    ObjectKey Key,
    DriftKind Kind,
    Drift.Drift Drift,
    bool Reverted,
    string? NotRevertedBecause,
    TimeSpan Latency);
