using System.Text.Json.Nodes;
using Palisade.Kube.Cluster;
using Palisade.Policy.Checks;
using Palisade.Policy.Conftest;
using Palisade.Rego.Values;
using GatekeeperInventory = Palisade.Policy.Gatekeeper.Inventory;

namespace Palisade.Admission.Scan;

/// <summary>
/// The objects already in the cluster, checked against the rules <c>palisade test</c> checks in CI and the webhook
/// enforces at admission, as Gatekeeper's audit checks what was admitted before a rule existed or around the webhook.
/// Each object is one input named <c>apiVersion/Kind/namespace/name</c> and seen as <c>kubectl get -o yaml</c> shows
/// it: with its status and server-set metadata, without <c>managedFields</c>.
/// </summary>
public static class ClusterScan
{
    /// <summary>
    /// Lists every object of <paramref name="kinds"/> and checks each against the conftest rules and the Gatekeeper
    /// constraints of <paramref name="rules"/>; a kind the cluster does not serve is skipped and named. Constraints
    /// also get the cluster's namespaces, for their namespaceSelector, and every listed object as data.inventory.
    /// </summary>
    public static async Task<ScanResult> RunAsync(ClusterClient cluster, IReadOnlyList<ResourceType> kinds, ScanRules rules, CancellationToken cancellation)
    {
        var inputs = new List<InputFile>();
        var unserved = new List<ResourceType>();
        foreach (var kind in kinds.Distinct())
        {
            if (await ListAsync(cluster, kind, cancellation).ConfigureAwait(false) is { } items)
            {
                inputs.AddRange(items.Select(item => Input(kind, item)).OrderBy(input => input.Name, StringComparer.Ordinal));
            }
            else
            {
                unserved.Add(kind);
            }
        }

        var conftest = rules.Conftest is { } policy ? new ConftestRunner(policy, rules.Options).Run(inputs) : new TestRun(new CheckReport([]), []);
        if (rules.Constraints.Count == 0)
        {
            return new ScanResult(conftest, inputs.Count, unserved);
        }

        var namespaces = kinds.Contains(ResourceTypes.Namespace)
            ? []
            : (await ListAsync(cluster, ResourceTypes.Namespace, cancellation).ConfigureAwait(false) ?? []).Select(ns => Input(ResourceTypes.Namespace, ns).Documents[0].Value);
        var inventory = new GatekeeperInventory(inputs.Select(i => i.Documents[0].Value).Concat(namespaces));
        var constraints = ConstraintAudit.Check(inputs, rules.Constraints, inventory, cancellation);
        return new ScanResult(new TestRun(new CheckReport([.. conftest.Report.Files, .. constraints]), conftest.Trace), inputs.Count, unserved);
    }

    /// <summary>The kind's objects, or null when the cluster does not serve the kind.</summary>
    private static async Task<IReadOnlyList<JsonObject>?> ListAsync(ClusterClient cluster, ResourceType kind, CancellationToken cancellation)
    {
        try
        {
            return (await cluster.ListAsync(kind, null, cancellation).ConfigureAwait(false)).Items;
        }
        catch (ClusterException ex) when (ex.IsNotFound)
        {
            return null;
        }
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
