using System.Text.Json.Nodes;
using Palisade.Kube.Text;
using Palisade.Kube.Yaml;

namespace Palisade.GitOps.Drift;

/// <summary>How a live object differs from what Git wants, and who made it differ.</summary>
/// <param name="Changed">Fields Git sets that are missing or hold another value (dotted paths).</param>
/// <param name="Added">Fields Git does not set that another field manager added to the object's content.</param>
/// <param name="ChangedBy">The field managers behind the change, most recent first; empty when the object is gone or nobody is on record.</param>
/// <param name="Diff">A unified diff from Git's version of the fields in question to the cluster's.</param>
public sealed record Drift(IReadOnlyList<string> Changed, IReadOnlyList<string> Added, IReadOnlyList<string> ChangedBy, string Diff);

/// <summary>
/// Compares a live object with its desired body. Every field Git sets must hold Git's value (lists compare whole,
/// as the policy kinds define their rule lists atomic); a field Git does not set is drift when another field manager
/// put it in the object's content, since an added rule changes what a policy allows. Metadata only counts for the
/// labels and annotations Git sets: others may label Palisade's objects. Defaults the API server fills in are owned
/// by no manager and are not drift.
/// </summary>
public static class DriftDetector
{
    private static readonly HashSet<string> Identity = ["apiVersion", "kind", "status"];

    public static Drift? Compare(JsonObject desired, JsonObject live, string fieldManager)
    {
        var changed = new List<string>();
        Walk(desired, live, string.Empty, changed, top: true);
        var owners = ManagedFields.Read(live);
        var others = owners.Where(o => o.Manager != fieldManager).ToList();
        var added = others
            .SelectMany(o => o.Paths)
            .Where(p => !p.StartsWith(".metadata", StringComparison.Ordinal) && !Identity.Contains(p.Split('.')[1]))
            .Where(p => Find(desired, p) is null && Find(live, p) is not null && !HasDesiredAncestor(desired, p))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (changed.Count == 0 && added.Count == 0)
        {
            return null;
        }

        var involved = changed.Concat(added).ToList();
        var blamed = others
            .Where(o => o.Paths.Any(p => involved.Any(i => p == i || p.StartsWith(i + ".", StringComparison.Ordinal) || i.StartsWith(p + ".", StringComparison.Ordinal))))
            .ToList();
        if (blamed.Count == 0)
        {
            blamed = others.OrderByDescending(o => o.Time).Take(1).ToList();
        }

        var changedBy = blamed.OrderByDescending(o => o.Time).Select(o => o.Manager).Distinct(StringComparer.Ordinal).ToList();
        return new Drift(changed, added, changedBy, DiffOf(desired, live, involved));
    }

    /// <summary>The drift of an object that is gone: everything Git sets is missing.</summary>
    public static Drift Deleted(JsonObject desired) =>
        new(["."], [], [], UnifiedDiff.Format("git", "cluster", YamlWriter.Write(desired), string.Empty));

    private static void Walk(JsonObject desired, JsonNode? live, string path, List<string> changed, bool top)
    {
        foreach (var (key, value) in desired)
        {
            if (top && Identity.Contains(key))
            {
                continue;
            }

            var childPath = path + "." + key;
            var liveChild = (live as JsonObject)?[key];
            if (top && key == "metadata")
            {
                WalkMetadata(value as JsonObject, liveChild as JsonObject, changed);
            }
            else if (value is JsonObject child && liveChild is JsonObject)
            {
                Walk(child, liveChild, childPath, changed, top: false);
            }
            else if (!JsonNode.DeepEquals(value, liveChild))
            {
                changed.Add(childPath);
            }
        }
    }

    private static void WalkMetadata(JsonObject? desired, JsonObject? live, List<string> changed)
    {
        foreach (var map in new[] { "labels", "annotations" })
        {
            if (desired?[map] is not JsonObject entries)
            {
                continue;
            }

            foreach (var (key, value) in entries)
            {
                if (!JsonNode.DeepEquals(value, live?[map]?[key]))
                {
                    changed.Add($".metadata.{map}.{key}");
                }
            }
        }
    }

    private static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = (node as JsonObject)?[part];
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A field inside a value Git sets as a whole (a list, a scalar) is already compared with it.</summary>
    private static bool HasDesiredAncestor(JsonObject desired, string path)
    {
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i > 0; i--)
        {
            if (Find(desired, "." + string.Join('.', parts[..i])) is { } ancestor and not JsonObject)
            {
                return true;
            }
        }

        return false;
    }

    private static string DiffOf(JsonObject desired, JsonObject live, IReadOnlyList<string> paths)
    {
        var git = new JsonObject();
        var cluster = new JsonObject();
        foreach (var path in paths)
        {
            Place(git, path, Find(desired, path));
            Place(cluster, path, Find(live, path));
        }

        return UnifiedDiff.Format("git", "cluster", YamlWriter.Write(git), YamlWriter.Write(cluster));
    }

    private static void Place(JsonObject root, string path, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                next = [];
                node[part] = next;
            }

            node = next;
        }

        node[parts[^1]] = value.DeepClone();
    }
}
