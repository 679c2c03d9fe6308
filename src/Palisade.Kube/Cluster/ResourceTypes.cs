namespace Palisade.Kube.Cluster;

/// <summary>
/// The kinds Palisade knows how to address without asking the API server: Kubernetes and Calico network policy, the
/// objects that hold them together (Namespace, Tier) and the few the controller itself uses.
/// </summary>
public static class ResourceTypes
{
    public static readonly ResourceType Namespace = new("", "v1", "Namespace", "namespaces", Namespaced: false);
    public static readonly ResourceType ConfigMap = new("", "v1", "ConfigMap", "configmaps", Namespaced: true);

    // Read only, by the webhook's inventory: not among the kinds a sync may manage.
    public static readonly ResourceType Service = new("", "v1", "Service", "services", Namespaced: true);
    public static readonly ResourceType Pod = new("", "v1", "Pod", "pods", Namespaced: true);

    public static readonly ResourceType KubernetesNetworkPolicy = new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", Namespaced: true);
    public static readonly ResourceType Lease = new("coordination.k8s.io", "v1", "Lease", "leases", Namespaced: true);

    public const string CalicoGroup = "projectcalico.org";
    public const string CalicoCrdGroup = "crd.projectcalico.org";

    /// <summary>Every kind of <see cref="Known"/>, by its <see cref="ResourceType.GroupKind"/>.</summary>
    public static IReadOnlyDictionary<string, ResourceType> Known { get; } = Build();

    /// <summary>Kubernetes NetworkPolicy and Calico's policy, set and tier kinds: what a network security repository holds.</summary>
    public static IReadOnlyList<ResourceType> NetworkSecurity { get; } =
    [
        KubernetesNetworkPolicy,
        .. new[] { "NetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy", "NetworkSet", "GlobalNetworkSet", "Tier" }
            .Select(kind => Known[$"{CalicoGroup}/{kind}"]),
    ];

    /// <summary>The type of an object's <c>apiVersion</c> and <c>kind</c>, when it is a known one.</summary>
    public static ResourceType? Find(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        return Known.TryGetValue(group.Length == 0 ? kind : $"{group}/{kind}", out var type) && type.Version == version ? type : null;
    }

    private static Dictionary<string, ResourceType> Build()
    {
        var calico = new (string Kind, string Plural, bool Namespaced)[]
        {
            ("NetworkPolicy", "networkpolicies", true),
            ("GlobalNetworkPolicy", "globalnetworkpolicies", false),
            ("StagedNetworkPolicy", "stagednetworkpolicies", true),
            ("StagedGlobalNetworkPolicy", "stagedglobalnetworkpolicies", false),
            ("StagedKubernetesNetworkPolicy", "stagedkubernetesnetworkpolicies", true),
            ("NetworkSet", "networksets", true),
            ("GlobalNetworkSet", "globalnetworksets", false),
            ("Tier", "tiers", false),
        };
        var types = new List<ResourceType>
        {
            Namespace,
            ConfigMap,
            KubernetesNetworkPolicy,
            Lease,
            new("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
            new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
            new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
            new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
        };
        types.AddRange(calico.Select(c => new ResourceType(CalicoGroup, "v3", c.Kind, c.Plural, c.Namespaced)));
        types.AddRange(calico.Select(c => new ResourceType(CalicoCrdGroup, "v1", c.Kind, c.Plural, c.Namespaced)));
        return types.ToDictionary(t => t.GroupKind, StringComparer.Ordinal);
    }
}
