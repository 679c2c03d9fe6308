using System.Text.Json;
using System.Text.RegularExpressions;
using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Tests.Kubernetes;

public sealed partial class NetworkPolicyValidatorTests
{
    private const string Header = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: prod\nspec:\n";

    private static IEnumerable<string> Validate(string yaml) =>
        NetworkPolicyValidator.Validate((MappingNode)new ManifestReader().ReadText("np.yaml", yaml)[0].Root!).Select(d => d.ToString());

    private static void Check(string spec, params string[] expected) => Assert.Equal(expected, Validate(Header + spec));

    [Theory]
    [InlineData("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: test-network-policy
          namespace: default
        spec:
          podSelector:
            matchLabels:
              role: db
          policyTypes:
            - Ingress
            - Egress
          ingress:
            - from:
                - ipBlock:
                    cidr: 172.17.0.0/16
                    except:
                      - 172.17.1.0/24
                - namespaceSelector:
                    matchLabels:
                      project: myproject
                - podSelector:
                    matchLabels:
                      role: frontend
              ports:
                - protocol: TCP
                  port: 6379
          egress:
            - to:
                - ipBlock:
                    cidr: 10.0.0.0/24
              ports:
                - protocol: TCP
                  port: 5978
        """)]
    [InlineData("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-all
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """)]
    [InlineData("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-all-ingress
        spec:
          podSelector: {}
          ingress:
            - {}
        """)]
    [InlineData("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: multi-port-egress
          namespace: default
        spec:
          podSelector:
            matchLabels:
              role: db
          policyTypes:
            - Egress
          egress:
            - to:
                - ipBlock:
                    cidr: 10.0.0.0/24
              ports:
                - protocol: TCP
                  port: 32000
                  endPort: 32768
        """)]
    [InlineData("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: named-ports-and-expressions
          namespace: web
          labels: {app.kubernetes.io/name: web}
        spec:
          podSelector:
            matchExpressions:
              - {key: tier, operator: In, values: [frontend, edge]}
              - {key: legacy, operator: DoesNotExist}
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: ingress-nginx}
                  podSelector:
                    matchLabels: {app.kubernetes.io/name: ingress-nginx}
              ports:
                - port: http
                - port: 8443
                  protocol: SCTP
                - protocol: UDP
            - from:
                - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}
        """)]
    public void ValidPoliciesFromTheKubernetesDocs(string yaml) => Assert.Empty(Validate(yaml));

    [Fact]
    public void CalicoDocsKubernetesPoliciesValidate()
    {
        var folder = SharedFiles.Require("calico/docs-examples");
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "INDEX.json")));
        var files = index.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("resources").EnumerateArray().Any(r => r.GetProperty("kind").GetString() == "NetworkPolicy"
                && r.GetProperty("apiVersion").GetString() == "networking.k8s.io/v1"))
            .Select(e => e.GetProperty("file").GetString()!)
            .ToList();
        var checkedPolicies = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(folder, file));
            if (Placeholder().IsMatch(text))
            {
                continue;
            }

            foreach (var obj in new ManifestReader().ReadText(file, text).Select(d => d.Root).OfType<MappingNode>())
            {
                if (obj["apiVersion"] is ScalarNode { Text: "networking.k8s.io/v1" } && obj["kind"] is ScalarNode { Text: "NetworkPolicy" })
                {
                    Assert.Empty(NetworkPolicyValidator.Validate(obj));
                    checkedPolicies++;
                }
            }
        }

        Assert.Equal(15, checkedPolicies);
    }

    [Fact]
    public void NotANetworkPolicy() => Assert.Equal(
        ["np.yaml:1:1: expected a networking.k8s.io/v1 NetworkPolicy"],
        Validate("apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: x}\nspec: {}\n"));

    [Fact]
    public void MetadataNameAndNamespace() => Assert.Equal(
        [
            "np.yaml:4:9: metadata.name: \"Web.Policy\" is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)",
            "np.yaml:5:14: metadata.namespace: \"prod.eu\" is not a valid DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)",
        ],
        Validate("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: Web.Policy\n  namespace: prod.eu\nspec:\n  podSelector: {}\n"));

    [Fact]
    public void SpecAndPodSelectorAreRequired()
    {
        Assert.Equal(["np.yaml:1:1: missing required field \"spec\""], Validate("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\n"));
        Check("  policyTypes: [Ingress]\n", "np.yaml:7:3: spec: missing required field \"podSelector\"");
    }

    [Fact]
    public void UnknownFieldsWithSuggestions() => Check("""
          podSelector: {}
          ingress:
            - form:
                - podSelector: {}
        """, "np.yaml:9:7: unknown field \"spec.ingress[0].form\"; did you mean \"from\"?");

    [Fact]
    public void EgressPeersAreUnderTo() => Check("""
          podSelector: {}
          egress:
            - from:
                - podSelector: {}
        """, "np.yaml:9:7: unknown field \"spec.egress[0].from\"");

    [Fact]
    public void MatchLabelsKeysAndValues() => Check("""
          podSelector:
            matchLabels:
              app/x/y: web
              tier: "front end"
              version: 2
        """,
        "np.yaml:9:7: spec.podSelector.matchLabels: key \"app/x/y\" has more than one '/'",
        "np.yaml:10:13: spec.podSelector.matchLabels[tier]: \"front end\" is not a valid label value (empty, or letters, digits, '-', '_' and '.', starting and ending with a letter or digit)",
        "np.yaml:11:16: spec.podSelector.matchLabels[version]: expected string, got integer");

    [Fact]
    public void MatchExpressionOperators() => Check("""
          podSelector:
            matchExpressions:
              - {key: tier, operator: In, values: []}
              - {key: tier, operator: Exists, values: [a]}
              - {key: tier, operator: Equals, values: [a]}
              - {key: -tier, operator: NotIn}
        """,
        "np.yaml:9:43: spec.podSelector.matchExpressions[0].values: must be non-empty when operator is In or NotIn",
        "np.yaml:10:47: spec.podSelector.matchExpressions[1].values: must be empty when operator is Exists or DoesNotExist",
        "np.yaml:11:31: spec.podSelector.matchExpressions[2].operator: \"Equals\" is not one of In, NotIn, Exists, DoesNotExist",
        "np.yaml:12:9: spec.podSelector.matchExpressions[3].values: must be non-empty when operator is In or NotIn",
        "np.yaml:12:15: spec.podSelector.matchExpressions[3].key: \"-tier\" is not a valid qualified name (letters, digits, '-', '_' and '.', starting and ending with a letter or digit, optionally after a DNS subdomain prefix and '/')");

    [Fact]
    public void ProtocolIsTcpUdpOrSctp() => Check("""
          podSelector: {}
          ingress:
            - ports:
                - protocol: ICMP
        """, "np.yaml:10:21: spec.ingress[0].ports[0].protocol: \"ICMP\" is not one of TCP, UDP, SCTP");

    [Fact]
    public void PortNumbersAreInRange() => Check("""
          podSelector: {}
          ingress:
            - ports:
                - port: 0
                - port: 70000
        """,
        "np.yaml:10:17: spec.ingress[0].ports[0].port: 0 is not between 1 and 65535",
        "np.yaml:11:17: spec.ingress[0].ports[1].port: 70000 is not between 1 and 65535");

    [Theory]
    [InlineData("HTTP", "is not a valid port name (lower-case letters, digits and '-' only)")]
    [InlineData("http-metrics-port", "is not a valid port name (at most 15 characters)")]
    [InlineData("8080-80", "is not a valid port name (it needs at least one letter)")]
    [InlineData("web--api", "is not a valid port name (no consecutive hyphens)")]
    [InlineData("-web", "is not a valid port name (it may not start or end with '-')")]
    [InlineData("", "is not a valid port name (lower-case letters, digits and '-' only)")]
    public void PortNamesAreIanaServiceNames(string name, string problem) => Check($"""
          podSelector: {"{}"}
          egress:
            - ports:
                - port: "{name}"
        """, $"np.yaml:10:17: spec.egress[0].ports[0].port: \"{name}\" {problem}");

    [Fact]
    public void PortIsIntOrString() => Check("""
          podSelector: {}
          egress:
            - ports:
                - port: true
        """, "np.yaml:10:17: spec.egress[0].ports[0].port: expected integer or string, got boolean");

    [Fact]
    public void EndPortNeedsANumericPortNotAboveIt() => Check("""
          podSelector: {}
          egress:
            - ports:
                - {port: 8080, endPort: 80}
                - {port: http, endPort: 90}
                - {endPort: 100}
                - {port: 1, endPort: 65536}
        """,
        "np.yaml:10:33: spec.egress[0].ports[0].endPort: 80 must not be below port 8080",
        "np.yaml:11:33: spec.egress[0].ports[1].endPort: may not be set when port is a name (\"http\")",
        "np.yaml:12:21: spec.egress[0].ports[2].endPort: may not be set without port",
        "np.yaml:13:30: spec.egress[0].ports[3].endPort: 65536 is not between 1 and 65535");

    [Fact]
    public void APeerNeedsOneKind() => Check("""
          podSelector: {}
          ingress:
            - from:
                - {}
                - podSelector: null
        """,
        "np.yaml:10:11: spec.ingress[0].from[0]: must specify a peer: podSelector, namespaceSelector or ipBlock",
        "np.yaml:11:11: spec.ingress[0].from[1]: must specify a peer: podSelector, namespaceSelector or ipBlock");

    [Fact]
    public void IpBlockStandsAlone() => Check("""
          podSelector: {}
          ingress:
            - from:
                - ipBlock: {cidr: 10.0.0.0/8}
                  namespaceSelector: {}
        """, "np.yaml:10:11: spec.ingress[0].from[0]: may not specify both ipBlock and another peer");

    [Fact]
    public void IpBlockCidrs() => Check("""
          podSelector: {}
          egress:
            - to:
                - ipBlock: {cidr: 10.0.0.1/24}
                - ipBlock: {cidr: 10.0.0.0/33}
                - ipBlock: {}
                - ipBlock: {cidr: ""}
        """,
        "np.yaml:10:27: spec.egress[0].to[0].ipBlock.cidr: \"10.0.0.1/24\" has host bits set; did you mean 10.0.0.0/24?",
        "np.yaml:11:27: spec.egress[0].to[1].ipBlock.cidr: \"10.0.0.0/33\": prefix length 33 is over 32 for IPv4",
        "np.yaml:12:20: spec.egress[0].to[2].ipBlock: missing required field \"cidr\"",
        "np.yaml:13:27: spec.egress[0].to[3].ipBlock.cidr: an empty string is not a CIDR");

    [Fact]
    public void ExceptsAreStrictlyInsideTheCidrOfTheSameFamily() => Check("""
          podSelector: {}
          egress:
            - to:
                - ipBlock:
                    cidr: 10.0.0.0/16
                    except: [10.0.5.0/24, 10.1.0.0/24, 10.0.0.0/16, "fd00::/64", 10.0.0.0/8x]
        """,
        "np.yaml:12:35: spec.egress[0].to[0].ipBlock.except[1]: \"10.1.0.0/24\" is not strictly inside cidr 10.0.0.0/16",
        "np.yaml:12:48: spec.egress[0].to[0].ipBlock.except[2]: \"10.0.0.0/16\" is not strictly inside cidr 10.0.0.0/16",
        "np.yaml:12:61: spec.egress[0].to[0].ipBlock.except[3]: \"fd00::/64\" is IPv6 but cidr 10.0.0.0/16 is IPv4",
        "np.yaml:12:74: spec.egress[0].to[0].ipBlock.except[4]: \"10.0.0.0/8x\": prefix length \"8x\" is not a number");

    [Fact]
    public void PolicyTypes() => Check("""
          podSelector: {}
          policyTypes: [Ingress, ingress, Ingress]
        """,
        "np.yaml:8:26: spec.policyTypes[1]: \"ingress\" is not one of Ingress, Egress",
        "np.yaml:8:35: spec.policyTypes[2]: duplicate entry \"Ingress\"");

    [Fact]
    public void NamespaceSelectorsAreCheckedToo() => Check("""
          podSelector: {}
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {"kubernetes.io/": x}
        """, "np.yaml:11:27: spec.ingress[0].from[0].namespaceSelector.matchLabels: key \"kubernetes.io/\" has an empty name");

    [GeneratedRegex(@"<[A-Za-z][^<>\n]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Placeholder();
}
