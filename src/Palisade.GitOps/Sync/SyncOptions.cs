using Palisade.GitOps.Scope;
using Palisade.GitOps.SelfHeal;
using Palisade.GitOps.Source;

namespace Palisade.GitOps.Sync;

/// <summary>How one sync runs: what it reads, what it may touch, and what it does about differences.</summary>
public sealed record SyncOptions
{
    /// <summary>The sync's name: in the tracking label, the inventory's name and the lease's.</summary>
    public string Name { get; init; } = "default";

    /// <summary>The folder of manifests in the source; null picks <c>policies</c> when the source has one (the folder <c>palisade generate</c> writes), else the root.</summary>
    public string? ManifestsPath { get; init; }

    /// <summary>The folder of Rego governance rules; null picks <c>policy</c> when the source has Rego there; empty turns the gate off.</summary>
    public string? PolicyPath { get; init; }

    public SyncScope Scope { get; init; } = new();

    /// <summary>Delete objects Git no longer has (<c>--prune</c>).</summary>
    public bool Prune { get; init; }

    /// <summary>The largest share of managed objects one sync may prune without <see cref="ForcePrune"/>.</summary>
    public double MaxPruneShare { get; init; } = 0.5;

    public bool ForcePrune { get; init; }

    /// <summary>What self-heal does with drift; null: no watching (drift is still corrected at each interval by a full comparison).</summary>
    public HealMode? SelfHeal { get; init; }

    /// <summary>When set, every revision must be signed by a key it allows.</summary>
    public SignaturePolicy? Signatures { get; init; }

    /// <summary>How often the source is fetched and the cluster compared in full.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Where the audit log, the status and the source's mirror live.</summary>
    public string StateDirectory { get; init; } = ".palisade";

    /// <summary>Create the namespaces objects name when they do not exist (Argo CD's CreateNamespace); they are not managed objects.</summary>
    public bool CreateNamespaces { get; init; }

    /// <summary>The namespace of the inventory ConfigMap (the controller's own).</summary>
    public string InventoryNamespace { get; init; } = "palisade-system";
}
