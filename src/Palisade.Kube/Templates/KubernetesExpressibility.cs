using Palisade.Kube.Calico.Selectors;
using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Templates;

/// <summary>
/// What a KubernetesNetworkPolicy template asks for that networking.k8s.io/v1 cannot say. Kubernetes policies only
/// allow, have no order, tiers or service accounts, know TCP/UDP/SCTP only, and OR their peers where Calico ANDs them.
/// </summary>
internal static class KubernetesExpressibility
{
    private const string UseCalico = "; use ObjectType NetworkPolicy (Calico) for this";

    public static IEnumerable<Diagnostic> Check(PolicyTemplate template)
    {
        var source = template.Source;
        if (template.Order is not null)
        {
            yield return source.At(TemplateKeys.PolicyOrder, "Kubernetes NetworkPolicy has no order" + UseCalico);
        }

        if (template.Tier is not null)
        {
            yield return source.At(TemplateKeys.Tier, "Kubernetes NetworkPolicy has no tiers" + UseCalico);
        }

        if (template.ServiceAccountSelector is not null)
        {
            yield return source.At(TemplateKeys.ServiceAccountSelector, "Kubernetes NetworkPolicy cannot select by service account" + UseCalico);
        }

        if (Unexpressible(template.AppliesTo) is { } appliesProblem)
        {
            yield return source.At(TemplateKeys.AppliesToSelector, appliesProblem);
        }

        foreach (var rule in template.Ingress.Concat(template.Egress))
        {
            foreach (var problem in CheckRule(rule))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<Diagnostic> CheckRule(RuleTemplate rule)
    {
        var source = rule.Source;
        if (rule.Action != RuleAction.Allow)
        {
            yield return source.At(rule.Key(RuleField.Action), $"Kubernetes NetworkPolicy can only allow, not {rule.Action}" + UseCalico);
        }

        if (rule.Protocol is { KubernetesSupported: false })
        {
            yield return source.At(rule.Key(RuleField.Protocol), $"Kubernetes NetworkPolicy matches TCP, UDP and SCTP only, not {rule.Protocol}" + UseCalico);
        }

        if (rule.PeerServiceAccountSelector is not null)
        {
            yield return source.At(rule.Key(RuleField.ServiceAccountSelector), "Kubernetes NetworkPolicy cannot select peers by service account" + UseCalico);
        }

        if (rule.PeerNets.Count > 0 && (rule.PeerSelector is not null || rule.PeerNamespaceSelector is not null))
        {
            yield return source.At(
                rule.Key(RuleField.Nets),
                $"Kubernetes NetworkPolicy cannot require both {rule.Key(RuleField.Nets)} and a selector in one rule (its peers are alternatives); write two rules");
        }

        foreach (var field in new[] { RuleField.PeerSelector, RuleField.NamespaceSelector })
        {
            var selector = field == RuleField.PeerSelector ? rule.PeerSelector : rule.PeerNamespaceSelector;
            if (selector is not null && Unexpressible(selector) is { } problem)
            {
                yield return source.At(rule.Key(field), problem);
            }
        }
    }

    private static string? Unexpressible(Selector selector) =>
        LabelSelectorConversion.TryFromCalico(selector, out _, out var reason) ? null : reason + UseCalico;
}
