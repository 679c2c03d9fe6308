using Palisade.GitOps.Apply;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Desired;
using Palisade.GitOps.Planning;
using Palisade.GitOps.Source;

namespace Palisade.GitOps.Sync;

/// <summary>A revision that passed every check, and what applying it would change.</summary>
public sealed record RevisionPlan(SourceRevision Revision, SignatureVerdict? Signature, DesiredState Desired, LiveState Live, Inventory.Inventory Inventory, SyncPlan Plan);

/// <summary>A revision that must not be applied, and every reason why.</summary>
public sealed record RevisionRefusal(SourceRevision? Revision, RefusalReason Reason, string Message, IReadOnlyList<Problem> Problems)
{
    public static RevisionRefusal Of(SourceRevision? revision, IReadOnlyList<Problem> problems)
    {
        var first = problems[0];
        var message = problems.Count == 1 ? first.ToString() : $"{problems.Count} problems, the first: {first}";
        return new RevisionRefusal(revision, first.Reason, message, problems);
    }
}

/// <summary>Either a plan or a refusal.</summary>
public sealed record PlanResult(RevisionPlan? Plan, RevisionRefusal? Refusal);
