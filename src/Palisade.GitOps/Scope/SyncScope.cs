using Palisade.Kube.Cluster;
using Palisade.Policy.Conftest;

namespace Palisade.GitOps.Scope;

/// <summary>
/// What a sync may touch: the kinds it applies and the namespaces it applies them in. Everything else found in the
/// repository is refused, so a repository that gains a ClusterRoleBinding or a Secret cannot reach the cluster
/// through Palisade, whatever rights Palisade has.
/// </summary>
public sealed record SyncScope
{
    /// <summary>Kubernetes NetworkPolicy and Calico's policy, set and tier kinds: what a network security repository holds.</summary>
    public static IReadOnlyList<string> DefaultKinds { get; } = [.. ResourceTypes.NetworkSecurity.Select(t => t.GroupKind)];

    /// <summary>Allowed kinds by group and kind (<c>networking.k8s.io/NetworkPolicy</c>; <c>Namespace</c> for the core group).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = DefaultKinds;

    /// <summary>Namespaces objects may be applied in, as globs (<c>team-*</c>); empty allows every namespace.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public bool AllowsKind(ResourceType type) => Kinds.Contains(type.GroupKind, StringComparer.Ordinal);

    public bool AllowsNamespace(string ns) => Namespaces.Count == 0 || Namespaces.Any(pattern => NamespacePattern.Matches(pattern, ns));

    /// <summary>The types of the allowed kinds; an allowed kind Palisade does not know is an error the caller reports at start.</summary>
    public IReadOnlyList<ResourceType> Types() => Kinds.Select(kind => ResourceTypes.Known.TryGetValue(kind, out var type)
        ? type
        : throw new ArgumentException($"--allow-kind {kind}: unknown kind; known kinds are {string.Join(", ", ResourceTypes.Known.Keys.Order(StringComparer.Ordinal))}")).ToList();
}
