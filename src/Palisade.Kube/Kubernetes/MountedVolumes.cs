namespace Palisade.Kube.Kubernetes;

/// <summary>
/// How the kubelet lays out a ConfigMap or Secret mounted as a folder: each key is a symbolic link
/// (<c>order.rego -> ..data/order.rego</c>), <c>..data</c> links to a timestamped folder (<c>..2026_12_07_…</c>) that
/// holds the files, and an update swaps <c>..data</c> at once. Walks skip the <c>..</c> entries, so each key is read
/// once, through its link, instead of three times.
/// </summary>
public static class MountedVolumes
{
    /// <summary>Whether a folder entry is the kubelet's own (<c>..data</c>, <c>..2026_…</c>) rather than a key.</summary>
    public static bool IsInternal(string name) => name.StartsWith("..", StringComparison.Ordinal) && name.Length > 2;
}
