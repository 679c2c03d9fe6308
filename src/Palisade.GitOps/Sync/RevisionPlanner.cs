using System.Runtime.InteropServices;
using Palisade.GitOps.Apply;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Desired;
using Palisade.GitOps.Gate;
using Palisade.GitOps.Inventory;
using Palisade.GitOps.Planning;
using Palisade.GitOps.Source;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Sync;

/// <summary>
/// Everything a revision goes through before any of it is applied: fetch, signature, read (confined to the
/// repository, within limits), manifests and scope, the governance gate, then a comparison with the cluster and the
/// prune safety check. <c>palisade sync</c> applies the plan; <c>palisade diff</c> prints it.
/// </summary>
public sealed class RevisionPlanner(SyncOptions options, ISource source, ClusterClient cluster, ClusterRetry retry)
{
    private readonly InventoryStore _inventory = new(cluster, options.InventoryNamespace, options.Name);

    public InventoryStore Inventory => _inventory;

    public async Task<PlanResult> PlanAsync(CancellationToken cancellation)
    {
        SourceRevision revision;
        try
        {
            revision = await source.FetchAsync(cancellation).ConfigureAwait(false);
        }
        catch (SourceException ex)
        {
            return Refused(null, new Problem(RefusalReason.FetchFailed, ex.Message));
        }

        SignatureVerdict? verdict = null;
        if (options.Signatures is { } signatures)
        {
            verdict = await new SignatureVerifier(signatures).VerifyAsync(revision, cancellation).ConfigureAwait(false);
            if (!verdict.IsVerified)
            {
                var kind = verdict.IsSigned ? RefusalReason.SignatureInvalid : RefusalReason.Unsigned;
                return Refused(revision, new Problem(kind, verdict.Reason ?? $"commit {revision.ShortCommit} is not verified"));
            }
        }

        SourceSnapshot snapshot;
        try
        {
            snapshot = await source.ReadAsync(revision, cancellation).ConfigureAwait(false);
        }
        catch (SourceException ex)
        {
            return Refused(revision, new Problem(ex.Reason, ex.Message));
        }

        // The snapshot's own arrays, not copies: every reader below only reads them, and a revision may hold 64 MB.
        var files = snapshot.Files.ToDictionary(f => f.Key, f => ImmutableCollectionsMarshal.AsArray(f.Value)!, StringComparer.Ordinal);
        var manifests = options.ManifestsPath ?? (files.Keys.Any(p => p.StartsWith("policies/", StringComparison.Ordinal)) ? "policies" : string.Empty);
        var policyPath = options.PolicyPath ?? (PolicyGate.HasRules(files, "policy") ? "policy" : string.Empty);
        var desired = new DesiredStateReader(options.Scope, options.Name, manifests, policyPath.Length == 0 ? null : policyPath).Read(files);
        if (!desired.IsValid)
        {
            return Refused(revision, [.. desired.Problems]);
        }

        if (policyPath.Length > 0)
        {
            var gate = new PolicyGate(policyPath);
            var work = Path.Combine(options.StateDirectory, "gate");
            var violations = gate.AppliesTo(files)
                ? gate.Check(files, desired.Objects.Select(o => o.Source.File), work)
                : [new Problem(RefusalReason.PolicyViolation, "the governance policy folder holds no Rego rules", policyPath)];
            if (violations.Count > 0)
            {
                return Refused(revision, [.. violations]);
            }
        }

        var live = await LiveState.ReadAsync(cluster, options.Scope.Types(), options.Name, retry, cancellation).ConfigureAwait(false);
        var inventory = await retry.RunAsync(() => _inventory.ReadAsync(cancellation), cancellation).ConfigureAwait(false)
            ?? new Inventory.Inventory(string.Empty, [.. live.Objects.Keys]);
        PrunePlan? prune = null;
        if (options.Prune)
        {
            prune = PrunePlan.Between(inventory.Entries, desired.Objects);
            if (prune.Check(options.MaxPruneShare, options.ForcePrune) is { } unsafePrune)
            {
                return Refused(revision, unsafePrune);
            }
        }

        var plan = SyncPlan.Make(desired.Objects, live.Objects, prune);
        return new PlanResult(new RevisionPlan(revision, verdict, desired, live, inventory, plan), null);
    }

    private static PlanResult Refused(SourceRevision? revision, params Problem[] problems) => new(null, RevisionRefusal.Of(revision, problems));
}
