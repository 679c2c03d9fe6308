namespace Palisade.Kube.Templates;

/// <summary>The top-level keys a template may hold, by kind of template.</summary>
public static class TemplateKeys
{
    public const string ObjectType = "ObjectType";
    public const string PolicyName = "PolicyName";
    public const string PolicyNamespace = "PolicyNamespace";
    public const string PolicyOrder = "PolicyOrder";
    public const string AppliesToSelector = "AppliesToSelector";
    public const string NamespaceSelector = "NamespaceSelector";
    public const string ServiceAccountSelector = "ServiceAccountSelector";
    public const string Direction = "Direction";
    public const string Tier = "Tier";
    public const string Labels = "Labels";
    public const string Annotations = "Annotations";
    public const string SetName = "SetName";
    public const string SetNamespace = "SetNamespace";
    public const string Nets = "Nets";

    public static readonly IReadOnlyList<string> Policy =
    [
        ObjectType, PolicyName, PolicyNamespace, PolicyOrder, AppliesToSelector, NamespaceSelector, ServiceAccountSelector,
        Direction, Tier, Labels, Annotations, RuleKeys.ListKey(TrafficDirection.Ingress), RuleKeys.ListKey(TrafficDirection.Egress),
    ];

    public static readonly IReadOnlyList<string> NetworkSet = [ObjectType, SetName, SetNamespace, Nets, Labels, Annotations];
}
