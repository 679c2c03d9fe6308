using Palisade.Kube.Templates;
using Palisade.Kube.Yaml;
using static Palisade.Kube.Tests.Templates.TemplateTestHelpers;

namespace Palisade.Kube.Tests.Templates;

/// <summary>What templates generate, compared as the exact YAML text written.</summary>
public sealed class GeneratedYamlTests
{
    private static string Single(string yaml)
    {
        var result = Generate(yaml);
        Assert.Empty(result.Diagnostics);
        return YamlWriter.Write(Assert.Single(result.Objects).Content);
    }

    [Fact]
    public void TheTemplateFromTheGuideGeneratesACalicoPolicy()
    {
        const string template = """
            PolicyName: test-app-polies
            PolicyOrder: 700
            ObjectType: NetworkPolicy
            PolicyNamespace: test
            AppliesToSelector: all()
            Direction: ['Ingress','Egress']
            EGRESS:
              - EgressAction: Allow
                EgressPort: [8080]
                EgressProtocol: TCP
                EgressDestinationSelector: ''
            INGRESS:
              - IngressAction: Allow
                IngressPort: ''
                IngressProtocol: ''
                IngressSourceSelector: ''
            """;

        var result = Generate(template);

        Assert.Equal("test/networkpolicy-test-app-polies.yaml", Assert.Single(result.Objects).RelativePath);
        Assert.Equal(
            """
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata:
              name: test-app-polies
              namespace: test
            spec:
              order: 700
              selector: all()
              types:
                - Ingress
                - Egress
              ingress:
                - action: Allow
              egress:
                - action: Allow
                  protocol: TCP
                  destination:
                    ports:
                      - 8080

            """,
            Single(template));
    }

    [Fact]
    public void RulesCarryPeersPortsAndIcmp()
    {
        var yaml = Single("""
            PolicyName: backend
            ObjectType: NetworkPolicy
            PolicyNamespace: shop
            PolicyOrder: 710.5
            AppliesToSelector: app=="backend"&&tier in {"b","a"}
            ServiceAccountSelector: role == 'api'
            Labels: {appid: shop}
            Annotations: {owner: team-a}
            INGRESS:
              - IngressAction: allow
                IngressProtocol: tcp
                IngressPort: [80, '8000:8080', http-alt, '9090']
                IngressSourceSelector: app == 'frontend'
                IngressNamespaceSelector: team == 'web'
                IngressServiceAccountSelector: role == 'web'
                IngressNets: [10.0.0.0/8, '2001:db8::/32']
            EGRESS:
              - EgressAction: Deny
                EgressProtocol: ICMP
                EgressIcmpType: 8
                EgressIcmpCode: 0
              - EgressAction: Pass
                EgressProtocol: 47
            """);

        Assert.Equal(
            """
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata:
              name: backend
              namespace: shop
              labels:
                appid: shop
              annotations:
                owner: team-a
            spec:
              order: 710.5
              selector: app == 'backend' && tier in {'a', 'b'}
              serviceAccountSelector: role == 'api'
              types:
                - Ingress
                - Egress
              ingress:
                - action: Allow
                  protocol: TCP
                  source:
                    nets:
                      - 10.0.0.0/8
                      - 2001:db8::/32
                    selector: app == 'frontend'
                    namespaceSelector: team == 'web'
                    serviceAccounts:
                      selector: role == 'web'
                  destination:
                    ports:
                      - 80
                      - 8000:8080
                      - http-alt
                      - 9090
              egress:
                - action: Deny
                  protocol: ICMP
                  icmp:
                    type: 8
                    code: 0
                - action: Pass
                  protocol: 47

            """,
            yaml);
    }

    [Fact]
    public void GlobalPoliciesSelectNamespacesAndDeny()
    {
        var yaml = Single("""
            PolicyName: security.default-deny
            ObjectType: GlobalNetworkPolicy
            Tier: security
            PolicyOrder: 5000
            NamespaceSelector: "!has(system)"
            Direction: [Egress, Ingress]
            """);

        Assert.Equal(
            """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: security.default-deny
            spec:
              tier: security
              order: 5000
              selector: all()
              namespaceSelector: '!has(system)'
              types:
                - Ingress
                - Egress

            """,
            yaml);
    }

    [Fact]
    public void NetworkSetsListTheirNets()
    {
        var result = Generate("""
            SetName: partners
            ObjectType: NetworkSet
            SetNamespace: shop
            Labels: {role: partners}
            Nets: [198.51.100.0/24, 192.0.2.7]
            """);

        var generated = Assert.Single(result.Objects);
        Assert.Equal("shop/networkset-partners.yaml", generated.RelativePath);
        Assert.Equal(
            """
            apiVersion: projectcalico.org/v3
            kind: NetworkSet
            metadata:
              name: partners
              namespace: shop
              labels:
                role: partners
            spec:
              nets:
                - 198.51.100.0/24
                - 192.0.2.7/32

            """,
            YamlWriter.Write(generated.Content));
    }

    [Fact]
    public void KubernetesPoliciesUseLabelSelectorsAndEndPorts()
    {
        var result = Generate("""
            PolicyName: database
            ObjectType: KubernetesNetworkPolicy
            PolicyNamespace: shop
            AppliesToSelector: app == 'database' && tier in {'primary', 'replica'}
            INGRESS:
              - IngressAction: Allow
                IngressProtocol: TCP
                IngressPort: ['5432', '6000:6010', metrics]
                IngressSourceSelector: app == 'backend'
                IngressNamespaceSelector: has(team)
              - IngressAction: Allow
                IngressNets: [10.0.0.0/8]
            EGRESS:
              - EgressAction: Allow
                EgressProtocol: UDP
            """);

        var generated = Assert.Single(result.Objects);
        Assert.Equal("shop/kubernetesnetworkpolicy-database.yaml", generated.RelativePath);
        Assert.Equal(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: database
              namespace: shop
            spec:
              podSelector:
                matchLabels:
                  app: database
                matchExpressions:
                  - key: tier
                    operator: In
                    values:
                      - primary
                      - replica
              policyTypes:
                - Ingress
                - Egress
              ingress:
                - from:
                    - podSelector:
                        matchLabels:
                          app: backend
                      namespaceSelector:
                        matchExpressions:
                          - key: team
                            operator: Exists
                  ports:
                    - protocol: TCP
                      port: 5432
                    - protocol: TCP
                      port: 6000
                      endPort: 6010
                    - protocol: TCP
                      port: metrics
                - from:
                    - ipBlock:
                        cidr: 10.0.0.0/8
              egress:
                - ports:
                    - protocol: UDP

            """,
            YamlWriter.Write(generated.Content));
    }

    [Fact]
    public void OutputIsTheSameEveryTimeAndSortedByPath()
    {
        const string templates = """
            PolicyName: b
            ObjectType: NetworkPolicy
            PolicyNamespace: zeta
            Direction: [Ingress]
            ---
            PolicyName: a
            ObjectType: GlobalNetworkPolicy
            Direction: [Ingress]
            ---
            PolicyName: c
            ObjectType: NetworkPolicy
            PolicyNamespace: alpha
            Direction: [Ingress]
            """;

        var first = Generate(templates).Objects;
        var second = Generate(templates).Objects;

        Assert.Equal(["_global/globalnetworkpolicy-a.yaml", "alpha/networkpolicy-c.yaml", "zeta/networkpolicy-b.yaml"], first.Select(o => o.RelativePath));
        Assert.Equal(first.Select(o => YamlWriter.Write(o.Content)), second.Select(o => YamlWriter.Write(o.Content)));
    }
}
