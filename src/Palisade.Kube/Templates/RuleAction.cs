namespace Palisade.Kube.Templates;

/// <summary>Calico's rule actions. Log records and goes on; Pass hands the packet to the next tier.</summary>
public enum RuleAction
{
    Allow,
    Deny,
    Log,
    Pass,
}
