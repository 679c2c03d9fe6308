using Palisade.Kube.Manifests;
using Palisade.Kube.Schema;

namespace Palisade.Kube.Kubernetes;

/// <summary>
/// Validates a networking.k8s.io/v1 NetworkPolicy as the API server would (pkg/apis/networking/validation), plus
/// what Palisade adds everywhere: unknown fields are errors with a suggestion, duplicate policyTypes are errors,
/// and an ipBlock CIDR with host bits set is an error rather than a warning (see <see cref="NetworkPolicyPeerChecks"/>).
/// The structure (fields and their types) is checked against a schema kept beside this file; the rules the API
/// server writes in code are checked here.
/// </summary>
public static class NetworkPolicyValidator
{
    private const string ApiVersion = "networking.k8s.io/v1";
    private const string Kind = "NetworkPolicy";

    private static readonly Lazy<CrdSchema> Schema = new(LoadSchema);

    public static IReadOnlyList<Diagnostic> Validate(MappingNode networkPolicy)
    {
        if (networkPolicy["apiVersion"] is not ScalarNode { Text: ApiVersion } || networkPolicy["kind"] is not ScalarNode { Text: Kind })
        {
            return [new Diagnostic(networkPolicy.Location, $"expected a {ApiVersion} {Kind}")];
        }

        var problems = new List<Diagnostic>(Schema.Value.Validate(networkPolicy));
        if (networkPolicy["spec"] is MappingNode spec)
        {
            CheckSpec(spec, FieldPath.Root.Child("spec"), problems);
        }

        return [.. problems.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column)];
    }

    private static void CheckSpec(MappingNode spec, FieldPath path, List<Diagnostic> problems)
    {
        if (spec["podSelector"] is MappingNode podSelector)
        {
            LabelSelectorValidator.Check(podSelector, path.Child("podSelector"), problems);
        }

        CheckRules(spec, path, "ingress", "from", problems);
        CheckRules(spec, path, "egress", "to", problems);
    }

    private static void CheckRules(MappingNode spec, FieldPath specPath, string direction, string peersField, List<Diagnostic> problems)
    {
        if (spec[direction] is not SequenceNode rules)
        {
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (rules.Items[i] is not MappingNode rule)
            {
                continue;
            }

            var rulePath = specPath.Child(direction).Index(i);
            foreach (var (port, portPath) in Items(rule, "ports", rulePath))
            {
                NetworkPolicyPortChecks.Check(port, portPath, problems);
            }

            foreach (var (peer, peerPath) in Items(rule, peersField, rulePath))
            {
                NetworkPolicyPeerChecks.Check(peer, peerPath, problems);
            }
        }
    }

    private static IEnumerable<(MappingNode Item, FieldPath Path)> Items(MappingNode parent, string field, FieldPath parentPath)
    {
        if (parent[field] is SequenceNode list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list.Items[i] is MappingNode item)
                {
                    yield return (item, parentPath.Child(field).Index(i));
                }
            }
        }
    }

    private static CrdSchema LoadSchema()
    {
        const string name = "Palisade.Kube.Kubernetes.NetworkPolicySchema.yaml";
        using var stream = typeof(NetworkPolicyValidator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        var set = CrdSchemaSet.Load(new ManifestReader().ReadText(name, reader.ReadToEnd()));
        if (set.Problems.Count > 0)
        {
            throw new InvalidOperationException($"the built-in NetworkPolicy schema is broken: {set.Problems[0]}");
        }

        return set.TryGet(ApiVersion, Kind, out var schema) ? schema : throw new InvalidOperationException($"{name} does not define {Kind}");
    }
}
