using System.Text.Json.Nodes;
using Palisade.Sandbox.Apply;
using Palisade.Sandbox.Http;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox;

/// <summary>What a new cluster has: the default and kube-system namespaces and Calico's default tier (when those resources are served).</summary>
internal static class InitialObjects
{
    public static void Ensure(ObjectStore store, ResourceCatalog catalog)
    {
        var now = DateTimeOffset.UtcNow;
        var namespaces = catalog.Find("", "v1", "namespaces")!;
        foreach (var name in new[] { "default", "kube-system" })
        {
            EnsureOne(store, namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, now);
        }

        if (catalog.Find("projectcalico.org", "v3", "tiers") is { } tiers)
        {
            // Calico's default tier comes last in policy order, at order 1000000.
            var tier = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "default" }, ["spec"] = new JsonObject { ["order"] = 1_000_000 } };
            EnsureOne(store, tiers, tier, now);
        }
    }

    private static void EnsureOne(ObjectStore store, SandboxResource resource, JsonObject obj, DateTimeOffset now)
    {
        if (store.Get(resource, null, ObjectMeta.Name(obj)) is not null)
        {
            return;
        }

        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        ObjectPreparation.ForCreate(obj, resource, now);
        UpdateTracker.Record(null, obj, "kube-apiserver", resource.ApiVersion, now);
        store.Create(resource, obj);
    }
}
