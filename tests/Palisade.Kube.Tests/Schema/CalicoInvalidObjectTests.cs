using Palisade.Kube.Manifests;

namespace Palisade.Kube.Tests.Schema;

/// <summary>Invalid Calico objects, each with the exact diagnostics Palisade must give against the v3 CRDs.</summary>
public sealed class CalicoInvalidObjectTests
{
    private static void Check(string yaml, params string[] expected)
    {
        var obj = (MappingNode)new ManifestReader().ReadText("t.yaml", yaml)[0].Root!;

        var diagnostics = CalicoSchemas.V3.Validate(obj).Select(d => d.ToString());

        Assert.Equal(expected, diagnostics);
    }

    private const string Gnp = "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: p\nspec:\n";

    [Fact]
    public void UnknownFieldWithASuggestion() => Check(Gnp + """
          selector: all()
          ingres:
            - action: Allow
        """, "t.yaml:7:3: unknown field \"spec.ingres\"; did you mean \"ingress\"?");

    [Fact]
    public void UnknownFieldWithNothingClose() => Check(Gnp + """
          selector: all()
          colour: blue
        """, "t.yaml:7:3: unknown field \"spec.colour\"");

    [Fact]
    public void NestedUnknownFieldIsNamedByItsFullPath() => Check(Gnp + """
          egress:
            - action: Allow
              destination:
                notSelecter: a == 'b'
        """, "t.yaml:9:9: unknown field \"spec.egress[0].destination.notSelecter\"; did you mean \"notSelector\"?");

    [Fact]
    public void BadEnum() => Check(Gnp + """
          ingress:
            - action: Alow
        """, "t.yaml:7:15: spec.ingress[0].action: \"Alow\" is not one of Allow, Deny, Log, Pass");

    [Fact]
    public void IntegerEnum() => Check(Gnp + """
          ingress:
            - action: Allow
              ipVersion: 5
        """, "t.yaml:8:18: spec.ingress[0].ipVersion: 5 is not one of 4, 6");

    [Fact]
    public void WrongType() => Check(Gnp + """
          order: "high"
        """, "t.yaml:6:10: spec.order: expected number, got string");

    [Fact]
    public void IntOrStringTakesNeitherBooleansNorLists() => Check(Gnp + """
          ingress:
            - action: Allow
              protocol: true
              destination:
                ports: [80, "http", [443]]
        """,
        "t.yaml:8:17: spec.ingress[0].protocol: expected integer or string, got boolean",
        "t.yaml:10:29: spec.ingress[0].destination.ports[2]: expected integer or string, got array");

    [Fact]
    public void MaxItems() => Check(Gnp + $"""
          ingress:
            - action: Allow
              destination:
                ports: [{string.Join(", ", Enumerable.Range(1, 51))}]
        """, "t.yaml:9:16: spec.ingress[0].destination.ports: must have at most 50 items, got 51");

    [Fact]
    public void MaxLength() => Check(Gnp + $"""
          selector: "{new string('a', 1025)}"
        """, "t.yaml:6:13: spec.selector: must be at most 1024 characters long, got 1025");

    [Fact]
    public void RequiredField() => Check(Gnp + """
          ingress:
            - protocol: TCP
        """, "t.yaml:7:7: spec.ingress[0]: missing required field \"action\"");

    [Fact]
    public void MinimumAndMaximum() => Check(Gnp + """
          ingress:
            - action: Allow
              protocol: ICMP
              icmp:
                type: 255
                code: -1
        """,
        "t.yaml:10:15: spec.ingress[0].icmp.type: 255 is over the maximum of 254",
        "t.yaml:11:15: spec.ingress[0].icmp.code: -1 is under the minimum of 0");

    [Fact]
    public void SetItemsAreUnique() => Check(Gnp + """
          ingress:
            - action: Allow
              source:
                nets: [10.0.0.0/8, 192.168.0.0/16, 10.0.0.0/8]
        """, "t.yaml:9:44: spec.ingress[0].source.nets[2]: duplicate entry \"10.0.0.0/8\"");

    [Fact]
    public void AllOfEnums() => Check("""
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata:
          name: security
        spec:
          order: 300
          defaultAction: Allow
        """, "t.yaml:7:18: spec.defaultAction: \"Allow\" is not one of Pass, Deny");

    [Fact]
    public void RuleOnAnItem() => Check(Gnp + """
          egress:
            - action: Allow
            - action: Allow
              protocol: TCP
              icmp:
                type: 8
        """, "t.yaml:8:7: spec.egress[1]: ICMP fields require protocol to be ICMP or ICMPv6");

    [Fact]
    public void RuleOnANestedObject() => Check(Gnp + """
          ingress:
            - action: Allow
              protocol: ICMP
              notICMP:
                code: 3
        """, "t.yaml:10:9: spec.ingress[0].notICMP: ICMP code specified without an ICMP type");

    [Fact]
    public void RuleComparingAnIntOrStringWithAStringAndANumber() => Check(Gnp + """
          ingress:
            - action: Allow
              protocol: 58
              ipVersion: 4
            - action: Allow
              notProtocol: ICMP
              ipVersion: 6
        """,
        "t.yaml:7:7: spec.ingress[0]: protocol ICMPv6 requires ipVersion 6",
        "t.yaml:10:7: spec.ingress[1]: protocol ICMP requires ipVersion 4");

    [Fact]
    public void HttpRules() => Check(Gnp + """
          ingress:
            - action: Deny
              http:
                methods: [GET]
            - action: Allow
              protocol: UDP
              http:
                paths: [{prefix: /api}]
        """,
        "t.yaml:7:7: spec.ingress[0]: HTTP match is only valid on Allow rules",
        "t.yaml:10:7: spec.ingress[1]: rules with HTTP match must have protocol TCP or unset");

    [Fact]
    public void ServiceRules() => Check(Gnp + """
          egress:
            - action: Allow
              destination:
                services: {name: kube-dns, namespace: kube-system}
                selector: app == 'dns'
                ports: [53]
        """,
        "t.yaml:7:7: spec.egress[0]: ports and notPorts cannot be specified with services",
        "t.yaml:9:9: spec.egress[0].destination: cannot specify Selector/NotSelector and Services on the same rule");

    [Fact]
    public void ARuleThatErrsIsReportedWithItsMessage() => Check(Gnp + """
          egress:
            - action: Allow
              destination:
                services: {namespace: kube-system}
        """, "t.yaml:9:9: spec.egress[0].destination: services must specify a service name (the rule could not be evaluated: no such key: name)");

    [Fact]
    public void StringFunctionRule() => Check(Gnp + """
          ingress:
            - action: Allow
              source:
                selector: global() && role == 'db'
        """, "t.yaml:9:9: spec.ingress[0].source: global() can only be used in an EntityRule namespaceSelector");

    [Fact]
    public void ExistsMacroRuleAndRulesThatInteract() => Check(Gnp + """
          preDNAT: true
          applyOnForward: false
          types: [Ingress, Egress]
        """,
        "t.yaml:6:3: spec: preDNAT policy cannot have 'Egress' type",
        "t.yaml:6:3: spec: applyOnForward must be true if either preDNAT or doNotTrack is true");

    [Fact]
    public void RootRulesReadTheNameAndDefaults() => Check("""
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata:
          name: default
        spec:
          order: 1000
          defaultAction: Pass
        """,
        "t.yaml:1:1: The 'default' tier must have default action 'Deny'",
        "t.yaml:1:1: default tier order must be 1000000");

    [Fact]
    public void DefaultsSatisfyRootRules() => Check("""
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata:
          name: default
        spec:
          order: 1000000
        """);

    [Fact]
    public void RootRulesDoNotRunWithoutAName() => Check("""
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata:
          labels: {a: b}
        spec:
          order: 1
        """, "t.yaml:4:3: metadata: missing required field \"name\"");

    [Fact]
    public void HostEndpointNeedsANode() => Check("""
        apiVersion: projectcalico.org/v3
        kind: HostEndpoint
        metadata:
          name: h
        spec:
          node: ""
          interfaceName: eth0
        """, "t.yaml:6:3: spec: node must be specified");

    [Fact]
    public void TypeErrorsBelowANodeStopItsRules() => Check(Gnp + """
          ingress:
            - action: Allow
              protocol: TCP
              icmp:
                type: echo
        """, "t.yaml:10:15: spec.ingress[0].icmp.type: expected integer, got string");

    [Fact]
    public void NullFieldsArePrunedAsTheApiServerDoes() => Check(Gnp + """
          selector: all()
          ingress:
          egress: ~
        """);

    [Fact]
    public void MetadataIsCheckedAsObjectMeta() => Check("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: Allow_All
          namespace: default
          lables: {app: x}
          labels:
            version: 1.0
            "bad key!": x
        spec: {}
        """,
        "t.yaml:4:9: metadata.name: \"Allow_All\" is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)",
        "t.yaml:5:14: metadata.namespace: GlobalNetworkPolicy is cluster-scoped, so the namespace \"default\" would be dropped",
        "t.yaml:6:3: unknown field \"metadata.lables\"; did you mean \"labels\"?",
        "t.yaml:8:14: metadata.labels[version]: expected string, got number",
        "t.yaml:9:5: metadata.labels: key \"bad key!\" is not a valid qualified name (letters, digits, '-', '_' and '.', starting and ending with a letter or digit, optionally after a DNS subdomain prefix and '/')");

    [Fact]
    public void MissingNameAndNamespacedKinds() => Check("""
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          namespace: Prod
        spec: {}
        """,
        "t.yaml:4:3: metadata: missing required field \"name\"",
        "t.yaml:4:14: metadata.namespace: \"Prod\" is not a valid DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)");

    [Fact]
    public void UnknownKindIsOneDiagnosticWithASuggestion() => Check("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicyy
        metadata:
          name: p
        spec:
          bogus: 1
        """, "t.yaml:2:7: kind: no CRD defines \"GlobalNetworkPolicyy\" in projectcalico.org/v3; did you mean \"GlobalNetworkPolicy\"?");

    [Fact]
    public void KindInAnotherVersionSaysWhere() => Check("""
        apiVersion: projectcalico.org/v1
        kind: Tier
        metadata:
          name: t
        """, "t.yaml:2:7: kind: no CRD defines \"Tier\" in projectcalico.org/v1; it is defined in projectcalico.org/v3");

    [Fact]
    public void MissingTypeFields() => Check("""
        metadata:
          name: p
        """,
        "t.yaml:1:1: missing required field \"apiVersion\"",
        "t.yaml:1:1: missing required field \"kind\"");

    [Fact]
    public void StagedPolicyEnum() => Check("""
        apiVersion: projectcalico.org/v3
        kind: StagedNetworkPolicy
        metadata:
          name: p
          namespace: prod
        spec:
          stagedAction: Remove
        """, "t.yaml:7:17: spec.stagedAction: \"Remove\" is not one of Set, Delete, Learn, Ignore");
}
