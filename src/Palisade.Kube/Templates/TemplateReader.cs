using Palisade.Kube.Calico.Selectors;
using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Templates;

/// <summary>
/// Turns template documents into checked templates. Every mistake in a template is reported with the file, line and
/// key; a template with any mistake yields no object.
/// </summary>
public static class TemplateReader
{
    public static ObjectTemplate? Read(ManifestDocument document, List<Diagnostic> diagnostics)
    {
        if (document.Root is not MappingNode mapping)
        {
            diagnostics.Add(new Diagnostic(document.Location, "a template must be a mapping of keys such as PolicyName and ObjectType"));
            return null;
        }

        var before = diagnostics.Count;
        var fields = new FieldReader(mapping, "", diagnostics);
        var typeText = fields.RequiredString(
            TemplateKeys.ObjectType,
            $"(one of {string.Join(", ", Enum.GetNames<TemplateObjectType>())})");
        var type = ValueParsers.Enum<TemplateObjectType>(fields, TemplateKeys.ObjectType, typeText);
        if (type is null)
        {
            return null;
        }

        ObjectTemplate? template = type.Value.IsPolicy()
            ? ReadPolicy(fields, type.Value, diagnostics)
            : ReadNetworkSet(fields, type.Value);
        return diagnostics.Count > before ? null : template;
    }

    private static PolicyTemplate? ReadPolicy(FieldReader fields, TemplateObjectType type, List<Diagnostic> diagnostics)
    {
        fields.RejectUnknownKeys(TemplateKeys.Policy, key => key switch
        {
            TemplateKeys.SetName or TemplateKeys.SetNamespace or TemplateKeys.Nets
                => $"{key} is for NetworkSet templates; a policy's peers' CIDRs go in IngressNets or EgressNets",
            _ => null,
        });

        var name = ReadName(fields, TemplateKeys.PolicyName, type);
        var ns = ReadNamespace(fields, TemplateKeys.PolicyNamespace, type);
        var order = fields.OptionalNumber(TemplateKeys.PolicyOrder);
        var tier = fields.OptionalString(TemplateKeys.Tier);
        if (tier is not null && KubernetesNames.CheckDns1123Label(tier) is { } tierProblem)
        {
            fields.Error(TemplateKeys.Tier, $"\"{tier}\" {tierProblem}");
        }
        else if (tier is not null and not "default" && name is not null && !name.StartsWith(tier + ".", StringComparison.Ordinal))
        {
            fields.Error(TemplateKeys.PolicyName, $"a policy in tier \"{tier}\" must be named \"{tier}.<name>\", e.g. \"{tier}.{name}\"");
        }

        var appliesTo = ValueParsers.Selector(fields, TemplateKeys.AppliesToSelector) ?? SelectorParser.Parse("all()");
        var namespaceSelector = ValueParsers.Selector(fields, TemplateKeys.NamespaceSelector);
        var serviceAccountSelector = ValueParsers.Selector(fields, TemplateKeys.ServiceAccountSelector);
        if (namespaceSelector is not null && type != TemplateObjectType.GlobalNetworkPolicy)
        {
            fields.Error(TemplateKeys.NamespaceSelector, $"only a GlobalNetworkPolicy selects namespaces; a {type} applies within PolicyNamespace");
        }

        var ingress = ReadRules(fields, TrafficDirection.Ingress, diagnostics);
        var egress = ReadRules(fields, TrafficDirection.Egress, diagnostics);
        var directions = ReadDirections(fields, ingress, egress);
        if (name is null || directions is null)
        {
            return null;
        }

        var template = new PolicyTemplate(
            fields.Source, type, name, ns, ReadLabels(fields), ReadAnnotations(fields), order, tier, appliesTo,
            namespaceSelector, serviceAccountSelector, directions, ingress, egress);
        if (type == TemplateObjectType.KubernetesNetworkPolicy)
        {
            diagnostics.AddRange(KubernetesExpressibility.Check(template));
        }

        return template;
    }

    private static NetworkSetTemplate? ReadNetworkSet(FieldReader fields, TemplateObjectType type)
    {
        fields.RejectUnknownKeys(TemplateKeys.NetworkSet, key => key switch
        {
            TemplateKeys.PolicyName => $"a {type} is named by {TemplateKeys.SetName}",
            TemplateKeys.PolicyNamespace => $"a {type} is placed by {TemplateKeys.SetNamespace}",
            _ when TemplateKeys.Policy.Contains(key) => $"{key} is for policy templates, not a {type}",
            _ => null,
        });

        var name = ReadName(fields, TemplateKeys.SetName, type);
        var ns = ReadNamespace(fields, TemplateKeys.SetNamespace, type);
        if (!fields.Has(TemplateKeys.Nets))
        {
            fields.ErrorWhole($"a {type} needs {TemplateKeys.Nets}, the CIDRs it stands for");
        }

        var nets = ValueParsers.Nets(fields, TemplateKeys.Nets);
        return name is null ? null : new NetworkSetTemplate(fields.Source, type, name, ns, ReadLabels(fields), ReadAnnotations(fields), nets);
    }

    private static string? ReadName(FieldReader fields, string key, TemplateObjectType type)
    {
        var name = fields.RequiredString(key, $"to name the {type}");
        if (name is not null && KubernetesNames.CheckDns1123Subdomain(name) is { } problem)
        {
            fields.Error(key, $"\"{name}\" {problem}");
            return null;
        }

        return name;
    }

    private static string? ReadNamespace(FieldReader fields, string key, TemplateObjectType type)
    {
        if (!type.IsNamespaced())
        {
            if (fields.Has(key))
            {
                fields.Error(key, $"a {type} is cluster-wide and takes no namespace");
            }

            return null;
        }

        var ns = fields.RequiredString(key, $"for a {type}, which lives in a namespace");
        if (ns is not null && KubernetesNames.CheckDns1123Label(ns) is { } problem)
        {
            fields.Error(key, $"\"{ns}\" {problem}");
            return null;
        }

        return ns;
    }

    private static IReadOnlyList<RuleTemplate> ReadRules(FieldReader fields, TrafficDirection direction, List<Diagnostic> diagnostics)
    {
        var rules = new List<RuleTemplate>();
        var mappings = fields.MappingList(RuleKeys.ListKey(direction));
        for (var i = 0; i < mappings.Count; i++)
        {
            if (RuleReader.Read(mappings[i], direction, i, diagnostics) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    /// <summary>
    /// The policy's types. Written out, they must agree with the rules given; left out, they follow the rules, and a
    /// policy with no rules at all must say which direction it denies.
    /// </summary>
    private static IReadOnlyList<TrafficDirection>? ReadDirections(FieldReader fields, IReadOnlyList<RuleTemplate> ingress, IReadOnlyList<RuleTemplate> egress)
    {
        var hasIngress = fields.Has(RuleKeys.ListKey(TrafficDirection.Ingress));
        var hasEgress = fields.Has(RuleKeys.ListKey(TrafficDirection.Egress));
        if (!fields.Has(TemplateKeys.Direction))
        {
            if (!hasIngress && !hasEgress)
            {
                fields.ErrorWhole("a policy without INGRESS or EGRESS rules needs Direction, e.g. ['Ingress', 'Egress'] to deny all traffic");
                return null;
            }

            return [.. hasIngress ? [TrafficDirection.Ingress] : Array.Empty<TrafficDirection>(), .. hasEgress ? [TrafficDirection.Egress] : Array.Empty<TrafficDirection>()];
        }

        var directions = new List<TrafficDirection>();
        foreach (var item in fields.ScalarList(TemplateKeys.Direction))
        {
            var text = item.Kind == ScalarKind.String ? item.AsString : item.Text;
            var direction = ValueParsers.Enum<TrafficDirection>(fields, TemplateKeys.Direction, text);
            if (direction is { } d && directions.Contains(d))
            {
                fields.ErrorAt(item.Location, TemplateKeys.Direction, $"{d} is listed twice");
            }
            else if (direction is { } value)
            {
                directions.Add(value);
            }
        }

        if (directions.Count == 0)
        {
            fields.Error(TemplateKeys.Direction, "list Ingress, Egress or both");
            return null;
        }

        foreach (var (direction, present) in new[] { (TrafficDirection.Ingress, hasIngress), (TrafficDirection.Egress, hasEgress) })
        {
            if (present && !directions.Contains(direction))
            {
                fields.Error(RuleKeys.ListKey(direction), $"{RuleKeys.ListKey(direction)} rules are given but Direction does not include {direction}, so they would never apply");
            }
        }

        directions.Sort();
        return directions;
    }

    private static IReadOnlyDictionary<string, string> ReadLabels(FieldReader fields)
    {
        var labels = fields.StringMap(TemplateKeys.Labels);
        foreach (var (key, value) in labels)
        {
            if (KubernetesNames.CheckQualifiedName(key) is { } keyProblem)
            {
                fields.Error(TemplateKeys.Labels, $"label key \"{key}\" {keyProblem}");
            }
            else if (KubernetesNames.CheckLabelValue(value) is { } valueProblem)
            {
                fields.Error(TemplateKeys.Labels, $"value \"{value}\" of label \"{key}\" {valueProblem}");
            }
        }

        return labels;
    }

    private static IReadOnlyDictionary<string, string> ReadAnnotations(FieldReader fields)
    {
        var annotations = fields.StringMap(TemplateKeys.Annotations);
        foreach (var key in annotations.Keys)
        {
            if (KubernetesNames.CheckQualifiedName(key) is { } problem)
            {
                fields.Error(TemplateKeys.Annotations, $"annotation key \"{key}\" {problem}");
            }
        }

        return annotations;
    }
}
