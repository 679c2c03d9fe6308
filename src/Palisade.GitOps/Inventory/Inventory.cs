using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Inventory;

/// <summary>The objects one sync applied from one revision: what prune compares the next revision with.</summary>
public sealed record Inventory(string Revision, IReadOnlyList<ObjectKey> Entries)
{
    public static Inventory Empty { get; } = new(string.Empty, []);
}
