using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;
using Palisade.Kube.Templates;
using Palisade.Kube.Tests.Schema;
using Palisade.Kube.Yaml;

namespace Palisade.Kube.Tests.Templates;

/// <summary>
/// Everything generate writes must be accepted by the cluster: Calico objects by the projectcalico.org/v3 CRD schemas
/// (structure and CEL rules), Kubernetes NetworkPolicies by the API server's validation rules. Objects are checked as
/// written to disk, after reading the YAML back.
/// </summary>
public sealed class GeneratedObjectsAreValidTests
{
    /// <summary>Templates that between them use every key and every kind of value a template can hold.</summary>
    private const string EveryFeature = """
        PolicyName: web
        ObjectType: NetworkPolicy
        PolicyNamespace: shop
        PolicyOrder: 700.5
        AppliesToSelector: app == 'web' && (tier in {'a', 'b'} || !has(canary))
        ServiceAccountSelector: role starts with 'front'
        Labels: {appid: shop, team.example.com/owner: web}
        Annotations: {example.com/ticket: 'SEC-42'}
        INGRESS:
          - IngressAction: Allow
            IngressProtocol: TCP
            IngressPort: [80, '8000:8080', http-alt]
            IngressSourceSelector: app == 'frontend'
            IngressNamespaceSelector: team == 'web'
            IngressServiceAccountSelector: role == 'web'
            IngressNets: [10.0.0.0/8, '2001:db8::/32', 192.0.2.1]
          - IngressAction: Log
          - IngressAction: Deny
            IngressProtocol: ICMP
            IngressIcmpType: 8
            IngressIcmpCode: 0
          - IngressAction: Allow
            IngressProtocol: ICMPv6
            IngressIcmpType: 128
        EGRESS:
          - EgressAction: Allow
            EgressProtocol: SCTP
            EgressPort: 9899
          - EgressAction: Allow
            EgressProtocol: UDPLite
          - EgressAction: Pass
            EgressProtocol: 47
          - EgressAction: Allow
            EgressProtocol: UDP
            EgressPort: 53
            EgressDestinationSelector: role == 'dns'
            EgressNamespaceSelector: global()
        ---
        PolicyName: security.baseline
        ObjectType: GlobalNetworkPolicy
        Tier: security
        PolicyOrder: 10
        NamespaceSelector: kubernetes.io/metadata.name not in {'kube-system'}
        Direction: [Ingress, Egress]
        ---
        PolicyName: allow-monitoring
        ObjectType: GlobalNetworkPolicy
        AppliesToSelector: has(metrics)
        INGRESS:
          - IngressAction: Allow
            IngressProtocol: TCP
            IngressPort: metrics
            IngressSourceSelector: app == 'prometheus'
            IngressNamespaceSelector: kubernetes.io/metadata.name == 'monitoring'
        ---
        SetName: partners
        ObjectType: NetworkSet
        SetNamespace: shop
        Labels: {role: partners}
        Nets: [198.51.100.0/24, '2001:db8:2::/48']
        ---
        SetName: webhooks
        ObjectType: GlobalNetworkSet
        Labels: {role: webhooks}
        Nets: [203.0.113.0/24]
        ---
        PolicyName: database
        ObjectType: KubernetesNetworkPolicy
        PolicyNamespace: shop
        AppliesToSelector: app == 'database' && tier != 'test' && has(zone) && !has(legacy)
        INGRESS:
          - IngressAction: Allow
            IngressProtocol: TCP
            IngressPort: [5432, '6000:6010', metrics]
            IngressSourceSelector: app in {'backend', 'jobs'}
            IngressNamespaceSelector: team not in {'guest'}
          - IngressAction: Allow
            IngressNets: [10.0.0.0/8, '2001:db8::/32']
        EGRESS:
          - EgressAction: Allow
            EgressProtocol: UDP
          - EgressAction: Allow
        """;

    public static TheoryData<string> Sources => ["every feature", "example repository"];

    [Theory]
    [MemberData(nameof(Sources))]
    public void EveryGeneratedObjectPassesTheClusterValidation(string source)
    {
        var documents = source == "every feature"
            ? new ManifestReader().ReadText("every-feature.yaml", EveryFeature)
            : new ManifestReader().ReadPaths([ExampleTemplates()]).DocumentsOrThrow();
        var result = TemplateGenerator.Generate(documents);
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Objects);

        var problems = new List<string>();
        foreach (var generated in result.Objects)
        {
            var written = (MappingNode)new ManifestReader().ReadText(generated.RelativePath, YamlWriter.Write(generated.Content)).Single().Root!;
            var diagnostics = generated.Template.ObjectType == TemplateObjectType.KubernetesNetworkPolicy
                ? NetworkPolicyValidator.Validate(written)
                : CalicoSchemas.V3.Validate(written);
            problems.AddRange(diagnostics.Select(d => d.ToString()));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void TheExampleRepositoryUsesEveryObjectType()
    {
        var result = TemplateGenerator.Generate(new ManifestReader().ReadPaths([ExampleTemplates()]).DocumentsOrThrow());

        Assert.Equal(
            [TemplateObjectType.NetworkPolicy, TemplateObjectType.GlobalNetworkPolicy, TemplateObjectType.KubernetesNetworkPolicy, TemplateObjectType.GlobalNetworkSet],
            result.Objects.Select(o => o.Template.ObjectType).Distinct().Order().ToArray());
    }

    /// <summary>A wrong object is caught: the check above can fail.</summary>
    [Fact]
    public void AnInvalidObjectIsReported()
    {
        var wrong = (MappingNode)new ManifestReader().ReadText("wrong.yaml", """
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              ingress:
                - action: Allow
                  icmp: {type: 8}
            """).Single().Root!;

        Assert.NotEmpty(CalicoSchemas.V3.Validate(wrong));
    }

    private static string ExampleTemplates()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "palisade.sln")))
            {
                return Path.Combine(dir.FullName, "examples", "policy-repo", "templates");
            }
        }

        throw new InvalidOperationException("palisade.sln not found above " + AppContext.BaseDirectory);
    }
}
