using System.Text.Json.Nodes;
using Palisade.GitOps.Desired;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Apply;

/// <summary>
/// Writes desired objects to the cluster with server-side apply as field manager <c>palisade</c>, forcing ownership
/// back from whoever took a field. Fields another manager added, which apply leaves alone, are then removed with a
/// JSON patch that first tests the resourceVersion, so a concurrent change is never overwritten blindly.
/// </summary>
public sealed class ObjectWriter(ClusterClient cluster, ClusterRetry retry)
{
    public Task<JsonObject> DryRunAsync(DesiredObject obj, CancellationToken cancellation) =>
        retry.RunAsync(() => cluster.ApplyAsync(obj.Type, obj.Body, Tracking.FieldManager, force: true, dryRun: true, cancellation), cancellation);

    public async Task<JsonObject> ApplyAsync(DesiredObject obj, IReadOnlyList<string> addedByOthers, CancellationToken cancellation)
    {
        var applied = await retry.RunAsync(() => cluster.ApplyAsync(obj.Type, obj.Body, Tracking.FieldManager, force: true, dryRun: false, cancellation), cancellation).ConfigureAwait(false);
        if (addedByOthers.Count == 0)
        {
            return applied;
        }

        var operations = new JsonArray { new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = ClusterObjects.ResourceVersion(applied) } };
        foreach (var path in addedByOthers)
        {
            operations.Add(new JsonObject { ["op"] = "remove", ["path"] = Pointer(path) });
        }

        return await retry.RunAsync(() => cluster.JsonPatchAsync(obj.Type, obj.Key.Namespace, obj.Key.Name, operations, Tracking.FieldManager, cancellation), cancellation).ConfigureAwait(false);
    }

    /// <summary>Deletes an object the sync made; one without the sync's label is someone else's and is left alone.</summary>
    public async Task<bool> PruneAsync(ResourceType type, ObjectKey key, JsonObject? live, string syncName, CancellationToken cancellation)
    {
        if (live is null || !Tracking.IsManagedBy(live, syncName))
        {
            return false;
        }

        return await retry.RunAsync(() => cluster.DeleteAsync(type, key.Namespace, key.Name, dryRun: false, cancellation), cancellation).ConfigureAwait(false);
    }

    /// <summary>Creates the namespace when it does not exist; an existing one is left as it is.</summary>
    public async Task EnsureNamespaceAsync(string name, CancellationToken cancellation)
    {
        if (await retry.RunAsync(() => cluster.GetAsync(ResourceTypes.Namespace, null, name, cancellation), cancellation).ConfigureAwait(false) is null)
        {
            var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
            await retry.RunAsync(() => cluster.ApplyAsync(ResourceTypes.Namespace, ns, Tracking.FieldManager, force: false, dryRun: false, cancellation), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary><c>.spec.egress</c> → <c>/spec/egress</c>, escaped as RFC 6901 asks.</summary>
    private static string Pointer(string dotted) =>
        string.Concat(dotted.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(part => "/" + part.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
}
