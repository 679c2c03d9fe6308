using Palisade.Kube.Calico.Selectors;

namespace Palisade.Kube.Templates;

/// <summary>A template read and checked, ready to generate one object.</summary>
public abstract record ObjectTemplate(
    TemplateSource Source,
    TemplateObjectType ObjectType,
    string Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>The key that names the object in this template, for messages about the name.</summary>
    public abstract string NameKey { get; }

    public string DisplayName => Namespace is null ? Name : $"{Namespace}/{Name}";
}

/// <summary>A NetworkPolicy, GlobalNetworkPolicy or KubernetesNetworkPolicy template.</summary>
public sealed record PolicyTemplate(
    TemplateSource Source,
    TemplateObjectType ObjectType,
    string Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    double? Order,
    string? Tier,
    Selector AppliesTo,
    Selector? NamespaceSelector,
    Selector? ServiceAccountSelector,
    IReadOnlyList<TrafficDirection> Directions,
    IReadOnlyList<RuleTemplate> Ingress,
    IReadOnlyList<RuleTemplate> Egress)
    : ObjectTemplate(Source, ObjectType, Name, Namespace, Labels, Annotations)
{
    public override string NameKey => TemplateKeys.PolicyName;
}

/// <summary>A NetworkSet or GlobalNetworkSet template: a labelled list of CIDRs that rules select like endpoints.</summary>
public sealed record NetworkSetTemplate(
    TemplateSource Source,
    TemplateObjectType ObjectType,
    string Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<string> Nets)
    : ObjectTemplate(Source, ObjectType, Name, Namespace, Labels, Annotations)
{
    public override string NameKey => TemplateKeys.SetName;
}
