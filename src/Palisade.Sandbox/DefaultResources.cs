namespace Palisade.Sandbox;

/// <summary>The resources Palisade reads and writes, with the short names and categories the real servers give them.</summary>
internal static class DefaultResources
{
    private const string Calico = "projectcalico.org";
    private const string CalicoCrd = "crd.projectcalico.org";
    private const string Rbac = "rbac.authorization.k8s.io";

    public static IReadOnlyList<SandboxResource> Create() =>
    [
        new("", "v1", "Namespace", "namespaces", Namespaced: false) { ShortNames = ["ns"] },
        new("", "v1", "ConfigMap", "configmaps", Namespaced: true) { ShortNames = ["cm"] },
        new("", "v1", "Secret", "secrets", Namespaced: true),
        new("", "v1", "ServiceAccount", "serviceaccounts", Namespaced: true) { ShortNames = ["sa"] },
        new("", "v1", "Event", "events", Namespaced: true) { ShortNames = ["ev"] },
        new("coordination.k8s.io", "v1", "Lease", "leases", Namespaced: true),
        new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", Namespaced: true) { ShortNames = ["netpol"] },
        new(Calico, "v3", "NetworkPolicy", "networkpolicies", Namespaced: true) { ShortNames = ["cnp", "caliconetworkpolicy", "caliconetworkpolicies"] },
        new(Calico, "v3", "GlobalNetworkPolicy", "globalnetworkpolicies", Namespaced: false) { ShortNames = ["gnp", "cgnp", "calicoglobalnetworkpolicies"] },
        new(Calico, "v3", "StagedNetworkPolicy", "stagednetworkpolicies", Namespaced: true) { ShortNames = ["snp"] },
        new(Calico, "v3", "StagedGlobalNetworkPolicy", "stagedglobalnetworkpolicies", Namespaced: false) { ShortNames = ["sgnp"] },
        new(Calico, "v3", "StagedKubernetesNetworkPolicy", "stagedkubernetesnetworkpolicies", Namespaced: true) { ShortNames = ["sknp"] },
        new(Calico, "v3", "NetworkSet", "networksets", Namespaced: true) { ShortNames = ["netsets"] },
        new(Calico, "v3", "GlobalNetworkSet", "globalnetworksets", Namespaced: false),
        new(Calico, "v3", "Tier", "tiers", Namespaced: false),

        // Where Calico runs without its API server, the same kinds are CRDs of this group; no short names, so that
        // kubectl's short names keep meaning the projectcalico.org/v3 kinds, as on a real cluster with both.
        new(CalicoCrd, "v1", "NetworkPolicy", "networkpolicies", Namespaced: true),
        new(CalicoCrd, "v1", "GlobalNetworkPolicy", "globalnetworkpolicies", Namespaced: false),
        new(CalicoCrd, "v1", "StagedNetworkPolicy", "stagednetworkpolicies", Namespaced: true),
        new(CalicoCrd, "v1", "StagedGlobalNetworkPolicy", "stagedglobalnetworkpolicies", Namespaced: false),
        new(CalicoCrd, "v1", "StagedKubernetesNetworkPolicy", "stagedkubernetesnetworkpolicies", Namespaced: true),
        new(CalicoCrd, "v1", "NetworkSet", "networksets", Namespaced: true),
        new(CalicoCrd, "v1", "GlobalNetworkSet", "globalnetworksets", Namespaced: false),
        new(CalicoCrd, "v1", "Tier", "tiers", Namespaced: false),
        new(Rbac, "v1", "Role", "roles", Namespaced: true),
        new(Rbac, "v1", "RoleBinding", "rolebindings", Namespaced: true),
        new(Rbac, "v1", "ClusterRole", "clusterroles", Namespaced: false),
        new(Rbac, "v1", "ClusterRoleBinding", "clusterrolebindings", Namespaced: false),
        new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", Namespaced: false),
        new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false) { ShortNames = ["crd", "crds"], Categories = ["api-extensions"] },
    ];
}
