using System.Text.Json.Nodes;
using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Values;

namespace Palisade.WebhookBenchmark;

/// <summary>
/// The example repository's generated policies (all follow its rules), plus variants of its Calico policies that
/// break them the way a hand-applied change would: an application order in the platform range, an allow-all ingress.
/// </summary>
internal static class PolicyRepoSamples
{
    public static List<Sample> Read(string policiesDir)
    {
        var samples = new List<Sample>();
        foreach (var file in Directory.GetFiles(policiesDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(policiesDir, file);
            foreach (var obj in ObjectFiles.Read(file).Select(v => ValueJson.ToJson(v)!.AsObject()))
            {
                samples.Add(new Sample(name, obj, Denied: false, Constraint: null));
                if ((string?)obj["apiVersion"] != "projectcalico.org/v3" || (string?)obj["kind"] is not ("NetworkPolicy" or "GlobalNetworkPolicy"))
                {
                    continue;
                }

                var open = obj.DeepClone().AsObject();
                open["spec"]!["ingress"] = new JsonArray(new JsonObject { ["action"] = "Allow" });
                samples.Add(new Sample(name + " (allow-all ingress)", open, Denied: true, Constraint: null));

                // Orders below 500 are the platform's; a platform-owned policy may use them.
                if ((string?)obj["kind"] == "NetworkPolicy" && (string?)obj["metadata"]?["labels"]?["owner"] != "platform")
                {
                    var early = obj.DeepClone().AsObject();
                    early["spec"]!["order"] = 400;
                    samples.Add(new Sample(name + " (order 400)", early, Denied: true, Constraint: null));
                }
            }
        }

        return samples;
    }
}
