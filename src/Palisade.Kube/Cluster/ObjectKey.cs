namespace Palisade.Kube.Cluster;

/// <summary>
/// What identifies an object in a cluster: its kind with group, its namespace (null for cluster-scoped kinds) and its
/// name. The version is not part of it: the same object is served under every version of its group.
/// </summary>
public sealed record ObjectKey(string Group, string Kind, string? Namespace, string Name)
{
    public string GroupKind => Group.Length == 0 ? Kind : $"{Group}/{Kind}";

    /// <summary>A one-word form for inventories and metric labels: <c>namespace_name_group_kind</c>, as Flux writes its inventory.</summary>
    public string Id => $"{Namespace}_{Name}_{Group}_{Kind}";

    public static ObjectKey FromId(string id)
    {
        var parts = id.Split('_');
        if (parts.Length != 4 || parts[1].Length == 0 || parts[3].Length == 0)
        {
            throw new FormatException($"'{id}' is not an object id (namespace_name_group_kind)");
        }

        return new ObjectKey(parts[2], parts[3], parts[0].Length == 0 ? null : parts[0], parts[1]);
    }

    /// <summary>Orders keys by <see cref="Id"/>, for output that does not depend on the order objects were found in.</summary>
    public static IComparer<ObjectKey> ById { get; } = Comparer<ObjectKey>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id));

    /// <summary><c>networking.k8s.io/NetworkPolicy shop/backend</c>, or <c>projectcalico.org/Tier security</c>.</summary>
    public override string ToString() => Namespace is null ? $"{GroupKind} {Name}" : $"{GroupKind} {Namespace}/{Name}";
}
