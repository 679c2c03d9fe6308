using System.Text.Json.Nodes;
using Palisade.Kube.Cluster;
using Palisade.Policy.Conftest;
using Palisade.Rego.Values;

namespace Palisade.Admission.Scan;

/// <summary>
/// The objects already in the cluster, checked against the rules <c>palisade test</c> checks in CI and the webhook
/// enforces at admission, as Gatekeeper's audit checks what was admitted before a rule existed or around the webhook.
/// Each object is one input named <c>apiVersion/Kind/namespace/name</c> and seen as <c>kubectl get -o yaml</c> shows
/// it: with its status and server-set metadata, without <c>managedFields</c>.
/// </summary>
public static class ClusterScan
{
    /// <summary>Lists every object of <paramref name="kinds"/> and checks each; a kind the cluster does not serve is skipped and named.</summary>
    public static async Task<ScanResult> RunAsync(ClusterClient cluster, IReadOnlyList<ResourceType> kinds, ConftestPolicy policy, ConftestOptions options, CancellationToken cancellation)
    {
        var inputs = new List<InputFile>();
        var unserved = new List<ResourceType>();
        foreach (var kind in kinds.Distinct())
        {
            IReadOnlyList<JsonObject> items;
            try
            {
                (items, _) = await cluster.ListAsync(kind, null, cancellation).ConfigureAwait(false);
            }
            catch (ClusterException ex) when (ex.IsNotFound)
            {
                unserved.Add(kind);
                continue;
            }

            inputs.AddRange(items.Select(item => Input(kind, item)).OrderBy(input => input.Name, StringComparer.Ordinal));
        }

        return new ScanResult(new ConftestRunner(policy, options).Run(inputs), inputs.Count, unserved);
    }

    /// <summary>The name an object's results are reported under.</summary>
    public static string InputName(ResourceType kind, JsonObject obj) =>
        ClusterObjects.Namespace(obj) is { } ns
            ? $"{kind.ApiVersion}/{kind.Kind}/{ns}/{ClusterObjects.Name(obj)}"
            : $"{kind.ApiVersion}/{kind.Kind}/{ClusterObjects.Name(obj)}";

    private static InputFile Input(ResourceType kind, JsonObject obj)
    {
        (obj["metadata"] as JsonObject)?.Remove("managedFields");
        return new InputFile(InputName(kind, obj), [new InputDocument(ValueJson.FromJson(obj), null)]);
    }
}
