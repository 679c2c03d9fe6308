using System.Text.Json.Nodes;
using Palisade.GitOps.Desired;
using Palisade.Kube.Cluster;
using Palisade.Kube.Text;
using Palisade.Kube.Yaml;

namespace Palisade.GitOps.Planning;

public enum ChangeAction
{
    Create,
    Configure,
    Unchanged,
    Prune,
}

/// <summary>What a sync does to one object, and the diff it makes (empty for an unchanged object).</summary>
public sealed record PlannedChange(ChangeAction Action, ObjectKey Key, ResourceType Type, DesiredObject? Desired, JsonObject? Live, Drift.Drift? Drift, string Diff);

/// <summary>Every change a revision makes to the cluster: applies in <see cref="ApplyOrder"/>, then prunes.</summary>
public sealed record SyncPlan(IReadOnlyList<PlannedChange> Changes)
{
    public IEnumerable<PlannedChange> Applies => Changes.Where(c => c.Action is ChangeAction.Create or ChangeAction.Configure);

    public IEnumerable<PlannedChange> Prunes => Changes.Where(c => c.Action == ChangeAction.Prune);

    public int Count(ChangeAction action) => Changes.Count(c => c.Action == action);

    public bool IsEmpty => !Changes.Any(c => c.Action != ChangeAction.Unchanged);

    /// <summary>
    /// Compares the desired objects with the live ones: missing objects are created, drifted ones configured. With
    /// <paramref name="prune"/>, objects of <paramref name="prune"/>'s plan that still exist are deleted.
    /// </summary>
    public static SyncPlan Make(IReadOnlyList<DesiredObject> desired, IReadOnlyDictionary<ObjectKey, JsonObject> live, PrunePlan? prune)
    {
        var changes = new List<PlannedChange>();
        foreach (var obj in ApplyOrder.Sort(desired))
        {
            if (!live.TryGetValue(obj.Key, out var current))
            {
                changes.Add(new PlannedChange(ChangeAction.Create, obj.Key, obj.Type, obj, null, null, UnifiedDiff.Format("/dev/null", obj.Source.File, string.Empty, YamlWriter.Write(obj.Body))));
                continue;
            }

            var drift = Drift.DriftDetector.Compare(obj.Body, current, Tracking.FieldManager);
            changes.Add(drift is null
                ? new PlannedChange(ChangeAction.Unchanged, obj.Key, obj.Type, obj, current, null, string.Empty)
                : new PlannedChange(ChangeAction.Configure, obj.Key, obj.Type, obj, current, drift, drift.Diff));
        }

        foreach (var key in prune?.Delete ?? [])
        {
            if (ResourceTypes.Known.TryGetValue(key.GroupKind, out var type))
            {
                live.TryGetValue(key, out var current);
                var diff = current is null ? string.Empty : UnifiedDiff.Format(key.ToString(), "/dev/null", YamlWriter.Write(Trimmed(current)), string.Empty);
                changes.Add(new PlannedChange(ChangeAction.Prune, key, type, null, current, null, diff));
            }
        }

        return new SyncPlan(changes);
    }

    /// <summary>An object without the metadata the server keeps, for diffs people read.</summary>
    public static JsonObject Trimmed(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in new[] { "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp" })
            {
                metadata.Remove(field);
            }
        }

        return copy;
    }
}
