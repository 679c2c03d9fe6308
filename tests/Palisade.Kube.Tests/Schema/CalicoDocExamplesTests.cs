using System.Text.Json;
using System.Text.RegularExpressions;
using Palisade.Kube.Manifests;

namespace Palisade.Kube.Tests.Schema;

/// <summary>
/// Every projectcalico.org/v3 object (with a spec) in Calico's documentation must validate against the v3 CRDs,
/// except the few listed here, each with the reason and the exact diagnostics Palisade gives.
/// </summary>
public sealed partial class CalicoDocExamplesTests
{
    private static readonly Dictionary<string, (string Reason, string[] Diagnostics)> KnownInvalid = new(StringComparer.Ordinal)
    {
        ["network-policy__policy-rules__icmp-ping__L80.yaml"] = (
            "the doc's comments lack '#', so 'type: 8  Ping request' is a string",
            [
                "network-policy__policy-rules__icmp-ping__L80.yaml:15:15: spec.ingress[0].icmp.type: expected integer, got string",
                "network-policy__policy-rules__icmp-ping__L80.yaml:21:15: spec.ingress[1].icmp.type: expected integer, got string",
            ]),
        ["network-policy__policy-rules__icmp-ping__L108.yaml"] = (
            "the doc's comments lack '#', so ICMP type and code are strings",
            [
                "network-policy__policy-rules__icmp-ping__L108.yaml:13:15: spec.ingress[0].icmp.type: expected integer, got string",
                "network-policy__policy-rules__icmp-ping__L108.yaml:14:15: spec.ingress[0].icmp.code: expected integer, got string",
            ]),
        ["network-policy__services__services-cluster-ips__L130.yaml"] = (
            "the doc lost its 'ingress:' line, so the rules are read as items of 'types'",
            [
                "network-policy__services__services-cluster-ips__L130.yaml:8:3: spec.types: must have at most 2 items, got 3",
                "network-policy__services__services-cluster-ips__L130.yaml:10:5: spec.types[1]: expected string, got object",
                "network-policy__services__services-cluster-ips__L130.yaml:16:5: spec.types[2]: expected string, got object",
            ]),
        ["reference__calicoctl__get__L156.yaml"] = (
            "the second host endpoint has neither interfaceName nor expectedIPs, which the current CRD's rule demands",
            ["reference__calicoctl__get__L156.yaml:20:5: spec: at least one of interfaceName or expectedIPs must be specified"]),
        ["reference__resources__overview__L71.yaml"] = (
            "the doc writes 'interface' for 'interfaceName'; the API server would drop the field",
            [
                "reference__resources__overview__L71.yaml:8:5: unknown field \"spec.interface\"; did you mean \"interfaceName\"?",
                "reference__resources__overview__L71.yaml:23:5: unknown field \"spec.interface\"; did you mean \"interfaceName\"?",
            ]),
        ["reference__resources__profile__L18.yaml"] = (
            "Profile has no CRD: Calico's API server serves it from its own storage",
            ["reference__resources__profile__L18.yaml:2:7: kind: no CRD defines \"Profile\" in projectcalico.org/v3"]),
    };

    [Fact]
    public void TheCrdsLoadWithoutProblems()
    {
        Assert.Empty(CalicoSchemas.V3.Problems);
        Assert.Equal(9, CalicoSchemas.V3.Schemas.Count);
        Assert.Empty(CalicoSchemas.V1.Problems);
        Assert.Equal(10, CalicoSchemas.V1.Schemas.Count);
    }

    [Fact]
    public void EveryV3DocExampleValidatesExceptTheKnownInvalidOnes()
    {
        var folder = SharedFiles.Require("calico/docs-examples");
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "INDEX.json")));
        var valid = new List<string>();
        var invalid = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var withPlaceholders = 0;
        var files = 0;
        var invalidObjects = 0;
        foreach (var entry in index.RootElement.EnumerateArray())
        {
            var file = entry.GetProperty("file").GetString()!;
            var listed = entry.GetProperty("resources").EnumerateArray()
                .Any(r => r.GetProperty("apiVersion").GetString() == "projectcalico.org/v3" && r.GetProperty("has_spec").GetBoolean());
            if (!listed)
            {
                continue;
            }

            var text = File.ReadAllText(Path.Combine(folder, file));
            if (Placeholder().IsMatch(text))
            {
                withPlaceholders++;
                continue;
            }

            // calicoctl also takes a YAML list of resources, and some examples are written so.
            var objects = new ManifestReader().ReadText(file, text)
                .SelectMany(d => d.Root is SequenceNode list ? list.Items : d.Root is null ? [] : [d.Root])
                .OfType<MappingNode>()
                .Where(o => o["apiVersion"] is ScalarNode { Text: "projectcalico.org/v3" } && o["spec"] is not null)
                .ToList();
            Assert.NotEmpty(objects);
            files++;

            foreach (var obj in objects)
            {
                var diagnostics = CalicoSchemas.V3.Validate(obj);
                if (diagnostics.Count == 0)
                {
                    valid.Add(file);
                }
                else
                {
                    invalidObjects++;
                    invalid.TryAdd(file, []);
                    invalid[file].AddRange(diagnostics.Select(d => d.ToString()));
                }
            }
        }

        var expected = KnownInvalid.OrderBy(k => k.Key, StringComparer.Ordinal).SelectMany(k => k.Value.Diagnostics);
        var actual = invalid.OrderBy(k => k.Key, StringComparer.Ordinal).SelectMany(k => k.Value);
        Assert.Equal(expected, actual);

        Assert.Equal(9, withPlaceholders);
        // 114 objects in 105 example files: 107 valid, and 7 invalid in the 6 files above.
        Assert.Equal(107, valid.Count);
        Assert.Equal(7, invalidObjects);
        Assert.Equal(105, files);
    }

    [Fact]
    public void RepositoryExamplesValidate()
    {
        var folder = SharedFiles.Require("calico/repo-examples");
        var documents = new ManifestReader().ReadPaths([folder]).DocumentsOrThrow();
        var diagnostics = documents.Select(d => d.Root).OfType<MappingNode>().SelectMany(CalicoSchemas.V3.Validate);

        // Ten of the eleven objects validate; BGPPeer is not a policy kind and its CRD is not among the shared ones.
        var only = Assert.Single(diagnostics);
        Assert.EndsWith("seed-resources.yaml:112:7: kind: no CRD defines \"BGPPeer\" in projectcalico.org/v3", only.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterNetworkPolicyDocExamplesValidateAgainstTheirCrd()
    {
        var folder = SharedFiles.Require("calico/docs-examples");
        var files = new[] { "network-policy__policy-tiers__tiered-policy__L59.yaml", "network-policy__policy-tiers__tiered-policy__L91.yaml" };
        foreach (var file in files)
        {
            var obj = (MappingNode)new ManifestReader().ReadFile(Path.Combine(folder, file))[0].Root!;

            Assert.Empty(CalicoSchemas.V1.Validate(obj));
        }
    }

    // A doc placeholder like <name> or <your management CIDR>; Calico selectors never hold '<' followed by a letter.
    [GeneratedRegex(@"<[A-Za-z][^<>\n]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Placeholder();
}
