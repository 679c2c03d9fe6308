namespace Palisade.Kube.Templates;

/// <summary>What a template generates; the names are the template's <c>ObjectType</c> values.</summary>
public enum TemplateObjectType
{
    NetworkPolicy,
    GlobalNetworkPolicy,
    KubernetesNetworkPolicy,
    NetworkSet,
    GlobalNetworkSet,
}

public static class TemplateObjectTypes
{
    public static bool IsPolicy(this TemplateObjectType type) => type is not (TemplateObjectType.NetworkSet or TemplateObjectType.GlobalNetworkSet);

    public static bool IsNamespaced(this TemplateObjectType type) =>
        type is TemplateObjectType.NetworkPolicy or TemplateObjectType.KubernetesNetworkPolicy or TemplateObjectType.NetworkSet;

    public static bool IsCalico(this TemplateObjectType type) => type != TemplateObjectType.KubernetesNetworkPolicy;

    public static string ApiVersion(this TemplateObjectType type) =>
        type == TemplateObjectType.KubernetesNetworkPolicy ? "networking.k8s.io/v1" : "projectcalico.org/v3";

    public static string Kind(this TemplateObjectType type) =>
        type == TemplateObjectType.KubernetesNetworkPolicy ? "NetworkPolicy" : type.ToString();

    /// <summary>The generated file's name prefix: the object type in lower case, so Calico and Kubernetes policies never collide.</summary>
    public static string FilePrefix(this TemplateObjectType type) => type.ToString().ToLowerInvariant();
}
