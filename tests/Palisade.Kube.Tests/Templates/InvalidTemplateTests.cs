using static Palisade.Kube.Tests.Templates.TemplateTestHelpers;

namespace Palisade.Kube.Tests.Templates;

/// <summary>Each mistake a template author can make, with the exact message palisade prints for it.</summary>
public sealed class InvalidTemplateTests
{
    private const string Head = "PolicyName: web\nObjectType: NetworkPolicy\nPolicyNamespace: shop\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "misspelt key",
            Head + "PolicyOrdr: 700\nDirection: [Ingress]\n",
            ["t.yaml:4:1: PolicyOrdr: unknown key; did you mean \"PolicyOrder\"?"]
        },
        {
            "key in the wrong case",
            "policyName: web\nObjectType: NetworkPolicy\nPolicyNamespace: shop\nDirection: [Ingress]\n",
            ["t.yaml:1:1: policyName: unknown key; did you mean \"PolicyName\"?", "t.yaml:1:1: PolicyName is required to name the NetworkPolicy"]
        },
        {
            "order that is a word",
            Head + "PolicyOrder: high\nDirection: [Ingress]\n",
            ["t.yaml:4:1: PolicyOrder: expected a number, got the string \"high\""]
        },
        {
            "order in quotes",
            Head + "PolicyOrder: '700'\nDirection: [Ingress]\n",
            ["t.yaml:4:1: PolicyOrder: expected a number, got the string \"700\" (write it without quotes)"]
        },
        {
            "IPv4 prefix too long",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressNets: [10.0.0.0/33]\n",
            ["t.yaml:6:18: EGRESS[0].EgressNets: \"10.0.0.0/33\": prefix length 33 is over 32 for IPv4"]
        },
        {
            "IPv6 address that is not one",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressNets: ['2001:db8::g/64']\n",
            ["t.yaml:6:18: EGRESS[0].EgressNets: \"2001:db8::g/64\": \"2001:db8::g\" is not an IPv6 address"]
        },
        {
            "CIDR with host bits",
            Head + "INGRESS:\n  - IngressAction: Allow\n    IngressNets: 10.1.2.3/24\n",
            ["t.yaml:6:18: INGRESS[0].IngressNets: \"10.1.2.3/24\" has host bits set; did you mean 10.1.2.0/24?"]
        },
        {
            "port out of range",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressProtocol: TCP\n    EgressPort: 70000\n",
            ["t.yaml:7:17: EGRESS[0].EgressPort: port 70000 is out of range 1-65535"]
        },
        {
            "reversed port range",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressProtocol: TCP\n    EgressPort: ['8080:8000']\n",
            ["t.yaml:7:18: EGRESS[0].EgressPort: port range 8080:8000 is reversed; write 8000:8080"]
        },
        {
            "port zero",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressProtocol: UDP\n    EgressPort: [53, 0]\n",
            ["t.yaml:7:22: EGRESS[0].EgressPort: port 0 is out of range 1-65535"]
        },
        {
            "ICMP with ports",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressProtocol: ICMP\n    EgressPort: 80\n",
            ["t.yaml:7:5: EGRESS[0].EgressPort: protocol ICMP takes no ports; only TCP, UDP and SCTP rules match ports"]
        },
        {
            "ports without a protocol",
            Head + "INGRESS:\n  - IngressAction: Allow\n    IngressPort: 443\n",
            ["t.yaml:6:5: INGRESS[0].IngressPort: ports need IngressProtocol TCP, UDP or SCTP"]
        },
        {
            "ICMP type on TCP",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressProtocol: TCP\n    EgressIcmpType: 8\n",
            ["t.yaml:7:5: EGRESS[0].EgressIcmpType: ICMP type and code need EgressProtocol ICMP or ICMPv6"]
        },
        {
            "ICMP code without a type",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressProtocol: ICMP\n    EgressIcmpCode: 0\n",
            ["t.yaml:7:5: EGRESS[0].EgressIcmpCode: an ICMP code needs EgressIcmpType too"]
        },
        {
            "misspelt protocol",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressProtocol: TPC\n",
            ["t.yaml:6:5: EGRESS[0].EgressProtocol: \"TPC\" is not a protocol; use one of TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite, a number 1-255, or '' for any (did you mean \"TCP\"?)"]
        },
        {
            "misspelt action",
            Head + "EGRESS:\n  - EgressAction: Alow\n",
            ["t.yaml:5:5: EGRESS[0].EgressAction: \"Alow\" is not one of Allow, Deny, Log, Pass; did you mean \"Allow\"?"]
        },
        {
            "rule without an action",
            Head + "EGRESS:\n  - EgressProtocol: TCP\n",
            ["t.yaml:5:5: EGRESS[0]: EgressAction is required in every rule (Allow, Deny, Log or Pass)"]
        },
        {
            "namespaced policy without a namespace",
            "PolicyName: web\nObjectType: NetworkPolicy\nDirection: [Ingress]\n",
            ["t.yaml:1:1: PolicyNamespace is required for a NetworkPolicy, which lives in a namespace"]
        },
        {
            "global policy with a namespace",
            "PolicyName: web\nObjectType: GlobalNetworkPolicy\nPolicyNamespace: shop\nDirection: [Ingress]\n",
            ["t.yaml:3:1: PolicyNamespace: a GlobalNetworkPolicy is cluster-wide and takes no namespace"]
        },
        {
            "name that Kubernetes refuses",
            "PolicyName: Web_App\nObjectType: NetworkPolicy\nPolicyNamespace: shop\nDirection: [Ingress]\n",
            ["t.yaml:1:1: PolicyName: \"Web_App\" is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)"]
        },
        {
            "namespace that Kubernetes refuses",
            "PolicyName: web\nObjectType: NetworkPolicy\nPolicyNamespace: Shop.Eu\nDirection: [Ingress]\n",
            ["t.yaml:3:1: PolicyNamespace: \"Shop.Eu\" is not a valid DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)"]
        },
        {
            "the same policy twice",
            Head + "Direction: [Ingress]\n---\n" + Head + "Direction: [Egress]\n",
            ["t.yaml:6:1: PolicyName: duplicate NetworkPolicy \"shop/web\" (first defined at t.yaml:1:1)"]
        },
        {
            "unknown object type",
            "PolicyName: web\nObjectType: NetworkPolicies\nPolicyNamespace: shop\n",
            ["t.yaml:2:1: ObjectType: \"NetworkPolicies\" is not one of NetworkPolicy, GlobalNetworkPolicy, KubernetesNetworkPolicy, NetworkSet, GlobalNetworkSet; did you mean \"NetworkPolicy\"?"]
        },
        {
            "no object type",
            "PolicyName: web\nPolicyNamespace: shop\n",
            ["t.yaml:1:1: ObjectType is required (one of NetworkPolicy, GlobalNetworkPolicy, KubernetesNetworkPolicy, NetworkSet, GlobalNetworkSet)"]
        },
        {
            "unknown direction",
            Head + "Direction: [Inbound]\n",
            ["t.yaml:4:1: Direction: \"Inbound\" is not one of Ingress, Egress", "t.yaml:4:1: Direction: list Ingress, Egress or both"]
        },
        {
            "rules for a direction the policy leaves out",
            Head + "Direction: [Egress]\nINGRESS:\n  - IngressAction: Allow\n",
            ["t.yaml:5:1: INGRESS: INGRESS rules are given but Direction does not include Ingress, so they would never apply"]
        },
        {
            "a policy with nothing to do",
            Head,
            ["t.yaml:1:1: a policy without INGRESS or EGRESS rules needs Direction, e.g. ['Ingress', 'Egress'] to deny all traffic"]
        },
        {
            "egress key in an ingress rule",
            Head + "INGRESS:\n  - IngressAction: Allow\n    EgressPort: 80\n",
            ["t.yaml:6:5: INGRESS[0].EgressPort: unknown key; EgressPort belongs in EGRESS; in INGRESS use IngressPort"]
        },
        {
            "any mixed with ports",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressProtocol: TCP\n    EgressPort: ['', 80]\n",
            ["t.yaml:7:18: EGRESS[0].EgressPort: '' (any) cannot be combined with other values in a list"]
        },
        {
            "rule that is not a mapping",
            Head + "EGRESS: [Allow]\n",
            ["t.yaml:4:10: EGRESS: each rule must be a mapping of keys, got the string \"Allow\""]
        },
        {
            "document that is not a mapping",
            "- PolicyName: web\n",
            ["t.yaml:1:1: a template must be a mapping of keys such as PolicyName and ObjectType"]
        },
        {
            "namespace selector on a namespaced policy",
            Head + "NamespaceSelector: team == 'a'\nDirection: [Ingress]\n",
            ["t.yaml:4:1: NamespaceSelector: only a GlobalNetworkPolicy selects namespaces; a NetworkPolicy applies within PolicyNamespace"]
        },
        {
            "tiered policy not named after its tier",
            Head + "Tier: security\nDirection: [Ingress]\n",
            ["t.yaml:1:1: PolicyName: a policy in tier \"security\" must be named \"security.<name>\", e.g. \"security.web\""]
        },
        {
            "label value Kubernetes refuses",
            Head + "Direction: [Ingress]\nLabels:\n  appid: -shop\n",
            ["t.yaml:5:1: Labels: value \"-shop\" of label \"appid\" is not a valid label value (empty, or letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"]
        },
        {
            "label value that is a number",
            Head + "Direction: [Ingress]\nLabels:\n  version: 2\n",
            ["t.yaml:6:12: Labels: value of \"version\" must be a string, got integer 2 (quote it)"]
        },
        {
            "network set named like a policy",
            "PolicyName: hooks\nObjectType: GlobalNetworkSet\nNets: [203.0.113.0/24]\n",
            ["t.yaml:1:1: PolicyName: unknown key; a GlobalNetworkSet is named by SetName", "t.yaml:1:1: SetName is required to name the GlobalNetworkSet"]
        },
        {
            "network set without nets",
            "SetName: hooks\nObjectType: NetworkSet\nSetNamespace: shop\n",
            ["t.yaml:1:1: a NetworkSet needs Nets, the CIDRs it stands for"]
        },
        {
            "Kubernetes policy that denies",
            "PolicyName: web\nObjectType: KubernetesNetworkPolicy\nPolicyNamespace: shop\nINGRESS:\n  - IngressAction: Deny\n",
            ["t.yaml:5:5: INGRESS[0].IngressAction: Kubernetes NetworkPolicy can only allow, not Deny; use ObjectType NetworkPolicy (Calico) for this"]
        },
        {
            "Kubernetes policy with an order",
            "PolicyName: web\nObjectType: KubernetesNetworkPolicy\nPolicyNamespace: shop\nPolicyOrder: 10\nDirection: [Ingress]\n",
            ["t.yaml:4:1: PolicyOrder: Kubernetes NetworkPolicy has no order; use ObjectType NetworkPolicy (Calico) for this"]
        },
        {
            "Kubernetes policy for ICMP",
            "PolicyName: web\nObjectType: KubernetesNetworkPolicy\nPolicyNamespace: shop\nEGRESS:\n  - EgressAction: Allow\n    EgressProtocol: ICMP\n",
            ["t.yaml:6:5: EGRESS[0].EgressProtocol: Kubernetes NetworkPolicy matches TCP, UDP and SCTP only, not ICMP; use ObjectType NetworkPolicy (Calico) for this"]
        },
        {
            "Kubernetes policy that ANDs nets and a selector",
            "PolicyName: web\nObjectType: KubernetesNetworkPolicy\nPolicyNamespace: shop\nEGRESS:\n  - EgressAction: Allow\n    EgressNets: [10.0.0.0/8]\n    EgressDestinationSelector: app == 'db'\n",
            ["t.yaml:6:5: EGRESS[0].EgressNets: Kubernetes NetworkPolicy cannot require both EgressNets and a selector in one rule (its peers are alternatives); write two rules"]
        },
        {
            "selector with a single '='",
            Head + "AppliesToSelector: app = 'frontend'\nDirection: [Ingress]\n",
            ["t.yaml:4:24: AppliesToSelector: invalid selector \"app = 'frontend'\": column 5: '=' is not an operator; did you mean '=='?"]
        },
        {
            "unclosed has( in a quoted selector",
            Head + "EGRESS:\n  - EgressAction: Allow\n    EgressDestinationSelector: \"has(app\"\n",
            ["t.yaml:6:40: EGRESS[0].EgressDestinationSelector: invalid selector \"has(app\": column 8: expected ')' to close has(app"]
        },
        {
            "a selector too long to repeat whole",
            Head + "AppliesToSelector: " + string.Join(" && ", Enumerable.Repeat("has(a)", 1000)) + "\nDirection: [Ingress]\n",
            ["t.yaml:4:4116: AppliesToSelector: invalid selector \"" + string.Join(" && ", Enumerable.Repeat("has(a)", 1000))[..77] + "...\": column 4097: selector is 9996 characters long, over the limit of 4096"]
        },
        {
            "Kubernetes policy with an OR selector",
            "PolicyName: web\nObjectType: KubernetesNetworkPolicy\nPolicyNamespace: shop\nAppliesToSelector: app == 'a' || app == 'b'\nDirection: [Ingress]\n",
            ["t.yaml:4:1: AppliesToSelector: Kubernetes label selectors cannot express '||'; use ObjectType NetworkPolicy (Calico) for this"]
        },
        {
            "Kubernetes policy with a prefix match on a peer",
            "PolicyName: web\nObjectType: KubernetesNetworkPolicy\nPolicyNamespace: shop\nINGRESS:\n  - IngressAction: Allow\n    IngressSourceSelector: app starts with 'fr'\n",
            ["t.yaml:6:5: INGRESS[0].IngressSourceSelector: Kubernetes label selectors cannot express 'starts with'; use ObjectType NetworkPolicy (Calico) for this"]
        },
        {
            "label key Kubernetes refuses",
            Head + "Direction: [Ingress]\nLabels:\n  team/app/x: shop\n",
            ["t.yaml:5:1: Labels: label key \"team/app/x\" has more than one '/'"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsTheMistakeExactly(string mistake, string yaml, string[] expected)
    {
        var result = Generate(yaml);

        Assert.False(result.Succeeded, mistake);
        Assert.Empty(result.Objects);
        Assert.Equal(expected, result.Diagnostics.Select(d => d.ToString()));
    }
}
