using System.Text.Json.Nodes;
using Palisade.Sandbox.Http;

namespace Palisade.Sandbox.Storage;

/// <summary>
/// All stored objects, one global revision counter (what resourceVersion counts, as etcd's revision does) and the
/// watch history. Every change happens under one lock, so revisions and watch events are in commit order. Stored
/// objects are never changed in place: readers get copies, writers hand over new objects.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<SandboxResource, SortedDictionary<string, JsonObject>> objects = new(ReferenceEqualityComparer.Instance);
    private readonly List<WatchSubscription> watches = [];
    private readonly WatchHistory history;
    private readonly ObjectFiles? files;
    private readonly SandboxResource namespaces;
    private long revision;

    public ObjectStore(IReadOnlyList<SandboxResource> resources, int historyLimit, ObjectFiles? files)
    {
        history = new WatchHistory(historyLimit);
        this.files = files;
        namespaces = resources.FirstOrDefault(r => r.Group.Length == 0 && r.Plural == "namespaces")
            ?? throw new ArgumentException("the sandbox needs the core v1 namespaces resource", nameof(resources));
        revision = files?.LoadRevision() ?? 0;
        foreach (var resource in resources)
        {
            var table = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var obj in files?.Load(resource) ?? [])
            {
                table[ObjectMeta.Key(ObjectMeta.Namespace(obj), ObjectMeta.Name(obj))] = obj;
                revision = Math.Max(revision, ObjectMeta.Revision(obj));
            }

            objects[resource] = table;
        }
    }

    public long Revision
    {
        get
        {
            lock (gate)
            {
                return revision;
            }
        }
    }

    public JsonObject? Get(SandboxResource resource, string? ns, string name)
    {
        lock (gate)
        {
            return objects[resource].TryGetValue(ObjectMeta.Key(ns, name), out var obj) ? (JsonObject)obj.DeepClone() : null;
        }
    }

    /// <summary>Copies of the objects of a resource (of one namespace, or all when null) in key order, with the revision they were read at.</summary>
    public (IReadOnlyList<JsonObject> Items, long Revision) List(SandboxResource resource, string? ns)
    {
        lock (gate)
        {
            var items = objects[resource].Values
                .Where(o => ns is null || ObjectMeta.Namespace(o) == ns)
                .Select(o => (JsonObject)o.DeepClone())
                .ToList();
            return (items, revision);
        }
    }

    public bool NamespaceExists(string name)
    {
        lock (gate)
        {
            return objects[namespaces].ContainsKey(name);
        }
    }

    /// <summary>Stores a new object; 409 when it exists, 404 when its namespace does not.</summary>
    public JsonObject Create(SandboxResource resource, JsonObject obj)
    {
        var name = ObjectMeta.Name(obj);
        var ns = ObjectMeta.Namespace(obj);
        lock (gate)
        {
            if (ns is not null && !objects[namespaces].ContainsKey(ns))
            {
                throw ApiError.NamespaceNotFound(ns);
            }

            var key = ObjectMeta.Key(ns, name);
            if (objects[resource].ContainsKey(key))
            {
                throw ApiError.AlreadyExists(resource, name);
            }

            return Commit(resource, key, obj, StoredEvent.Added);
        }
    }

    /// <summary>Replaces an object if it is still at <paramref name="expectedRevision"/>; 409 when it changed since, 404 when it is gone.</summary>
    public JsonObject Replace(SandboxResource resource, JsonObject obj, long expectedRevision)
    {
        var name = ObjectMeta.Name(obj);
        var key = ObjectMeta.Key(ObjectMeta.Namespace(obj), name);
        lock (gate)
        {
            if (!objects[resource].TryGetValue(key, out var current))
            {
                throw ApiError.NotFound(resource, name);
            }

            if (ObjectMeta.Revision(current) != expectedRevision)
            {
                throw ApiError.StaleResourceVersion(resource, name);
            }

            return Commit(resource, key, obj, StoredEvent.Modified);
        }
    }

    /// <summary>
    /// Deletes an object (if still at <paramref name="expectedRevision"/> when given) and returns its last state.
    /// Deleting a namespace deletes the objects in it first, at once rather than through a Terminating phase.
    /// </summary>
    public JsonObject Delete(SandboxResource resource, string? ns, string name, long? expectedRevision)
    {
        var key = ObjectMeta.Key(ns, name);
        lock (gate)
        {
            if (!objects[resource].TryGetValue(key, out var current))
            {
                throw ApiError.NotFound(resource, name);
            }

            if (expectedRevision is { } expected && ObjectMeta.Revision(current) != expected)
            {
                throw ApiError.Conflict(resource, name, $"the ResourceVersion in the precondition ({expected}) does not match the ResourceVersion in record ({ObjectMeta.Revision(current)}). The object might have been modified");
            }

            if (ReferenceEquals(resource, namespaces))
            {
                foreach (var (contained, table) in objects.Where(t => t.Key.Namespaced))
                {
                    foreach (var (containedKey, obj) in table.Where(e => ObjectMeta.Namespace(e.Value) == name).ToList())
                    {
                        Remove(contained, containedKey, obj);
                    }
                }
            }

            return Remove(resource, key, current);
        }
    }

    /// <summary>
    /// Starts delivering the events of a resource after <paramref name="fromRevision"/> (replayed from the history),
    /// or, with null, the current objects as ADDED events first. Null when the history no longer reaches back that far.
    /// </summary>
    public WatchSubscription? Watch(SandboxResource resource, long? fromRevision, out int backlogCount)
    {
        lock (gate)
        {
            backlogCount = 0;
            if (fromRevision is { } from && !history.CanResumeFrom(from))
            {
                return null;
            }

            var subscription = new WatchSubscription(resource, Unsubscribe);
            var backlog = fromRevision is { } after
                ? history.After(after).Where(e => ReferenceEquals(e.Resource, resource))
                : objects[resource].Values.Select(o => new StoredEvent(StoredEvent.Added, resource, o, ObjectMeta.Revision(o)));
            foreach (var stored in backlog)
            {
                subscription.Deliver(Copy(stored));
                backlogCount++;
            }

            watches.Add(subscription);
            return subscription;
        }
    }

    /// <summary>
    /// The revision a watch has seen everything up to, for a bookmark: the current revision when none of its events
    /// wait to be sent (checked under the lock, so no commit is half delivered), else null.
    /// </summary>
    public long? ProgressOf(WatchSubscription subscription)
    {
        lock (gate)
        {
            return subscription.Events.Count == 0 ? revision : null;
        }
    }

    /// <summary>How many watches are open now.</summary>
    public int WatchCount
    {
        get
        {
            lock (gate)
            {
                return watches.Count;
            }
        }
    }

    /// <summary>Ends every watch, so their responses finish when the server stops.</summary>
    public void CompleteWatches()
    {
        lock (gate)
        {
            foreach (var watch in watches)
            {
                watch.Complete();
            }

            watches.Clear();
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (gate)
        {
            watches.Remove(subscription);
        }
    }

    private JsonObject Commit(SandboxResource resource, string key, JsonObject obj, string type)
    {
        var stored = (JsonObject)obj.DeepClone();
        ObjectMeta.SetRevision(stored, ++revision);
        var previous = objects[resource].GetValueOrDefault(key);
        objects[resource][key] = stored;
        files?.Save(resource, stored);
        files?.SaveRevision(revision);
        Publish(new StoredEvent(type, resource, stored, revision, previous));
        return (JsonObject)stored.DeepClone();
    }

    private JsonObject Remove(SandboxResource resource, string key, JsonObject current)
    {
        objects[resource].Remove(key);
        files?.Remove(resource, ObjectMeta.Namespace(current), ObjectMeta.Name(current));
        // The deleted object carries the revision of its deletion, as kube-apiserver's DELETED events do.
        var last = (JsonObject)current.DeepClone();
        ObjectMeta.SetRevision(last, ++revision);
        files?.SaveRevision(revision);
        Publish(new StoredEvent(StoredEvent.Deleted, resource, last, revision));
        return (JsonObject)last.DeepClone();
    }

    /// <summary>An event with its own copies of the objects, for a watch to read on its own thread.</summary>
    private static StoredEvent Copy(StoredEvent stored) =>
        stored with { Object = (JsonObject)stored.Object.DeepClone(), Previous = stored.Previous?.DeepClone() as JsonObject };

    private void Publish(StoredEvent stored)
    {
        history.Add(stored);
        foreach (var watch in watches.Where(w => ReferenceEquals(w.Resource, stored.Resource)))
        {
            watch.Deliver(Copy(stored));
        }
    }
}
