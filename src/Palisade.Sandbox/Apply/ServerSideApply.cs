using System.Text.Json.Nodes;
using Palisade.Sandbox.Http;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Apply;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>): merges a manager's applied configuration into the live
/// object. A field the configuration would change that another manager owns is a conflict (409) unless forced, when
/// the field moves to the applier. Fields the manager applied before and no longer applies are removed when nobody
/// else owns them. The manager's Apply entry then holds exactly the applied fields.
/// </summary>
internal static class ServerSideApply
{
    private static readonly HashSet<string> ServerMetadata = new(StringComparer.Ordinal)
    {
        "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp",
    };

    public static JsonObject Apply(JsonObject? live, JsonObject config, string manager, bool force, string apiVersion, DateTimeOffset now)
    {
        var entries = live is null ? [] : ManagedFieldsEntry.Read(live);
        var applied = ObjectFields.Of(config);
        var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == ManagedFieldsEntry.Apply);
        var conflicts = new List<(ManagedFieldsEntry Owner, IReadOnlyList<string> Path)>();
        foreach (var entry in entries.Where(e => !ReferenceEquals(e, mine)))
        {
            foreach (var path in entry.Fields.Intersect(applied).Paths.Where(p => p[^1] != "."))
            {
                if (!JsonNode.DeepEquals(ObjectFields.At(live, path).Value, ObjectFields.At(config, path).Value))
                {
                    conflicts.Add((entry, path));
                }
            }
        }

        if (conflicts.Count > 0 && !force)
        {
            throw Conflict(conflicts);
        }

        var updated = new List<ManagedFieldsEntry>();
        foreach (var entry in entries.Where(e => !ReferenceEquals(e, mine)))
        {
            var taken = new FieldSet();
            foreach (var (_, path) in conflicts.Where(c => ReferenceEquals(c.Owner, entry)))
            {
                taken.Add(path);
            }

            updated.Add(entry with { Fields = entry.Fields.Except(taken) });
        }

        var result = live is null ? Skeleton(config) : (JsonObject)live.DeepClone();
        var ownedByOthers = updated.Aggregate(new FieldSet(), (all, e) => all.Union(e.Fields));
        var dropped = (mine?.Fields ?? new FieldSet()).Except(applied).Except(ownedByOthers);
        // Leaves before the nodes that hold them, so a node is removed only once it is empty.
        foreach (var path in dropped.Paths.OrderByDescending(p => p.Count).ThenBy(p => p[^1] == "." ? 1 : 0))
        {
            ObjectFields.Remove(result, path);
        }

        Overlay(result, config, "");
        var applyEntry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, apiVersion, ManagedFieldsEntry.Format(now), applied);
        if (mine is not null)
        {
            updated.Insert(entries.IndexOf(mine), applyEntry);
        }
        else
        {
            updated.Add(applyEntry);
        }

        ManagedFieldsEntry.Write(result, updated);
        return result;
    }

    private static JsonObject Skeleton(JsonObject config) => new()
    {
        ["apiVersion"] = config["apiVersion"]?.DeepClone(),
        ["kind"] = config["kind"]?.DeepClone(),
        ["metadata"] = new JsonObject(),
    };

    private static void Overlay(JsonObject target, JsonObject config, string dotted)
    {
        foreach (var (field, value) in config)
        {
            var path = ListSemantics.Child(dotted, field);
            if (dotted == "metadata" && ServerMetadata.Contains(field))
            {
                continue;
            }

            switch (value)
            {
                case null:
                    target.Remove(field);
                    break;
                case JsonObject obj when target[field] is JsonObject existing:
                    Overlay(existing, obj, path);
                    break;
                case JsonArray list when target[field] is JsonArray existing && ListSemantics.MergeKey(path) is { } key:
                    foreach (var element in list.OfType<JsonObject>())
                    {
                        if (existing.OfType<JsonObject>().FirstOrDefault(e => JsonNode.DeepEquals(e[key], element[key])) is { } match)
                        {
                            Overlay(match, element, path);
                        }
                        else
                        {
                            existing.Add(element.DeepClone());
                        }
                    }

                    break;
                case JsonArray list when target[field] is JsonArray existing && ListSemantics.IsSet(path):
                    foreach (var element in list.Where(v => !existing.Any(e => JsonNode.DeepEquals(e, v))))
                    {
                        existing.Add(element?.DeepClone());
                    }

                    break;
                default:
                    target[field] = value.DeepClone();
                    break;
            }
        }
    }

    /// <summary>409 Conflict with one FieldManagerConflict cause per field, worded as kube-apiserver words them.</summary>
    private static ApiError Conflict(List<(ManagedFieldsEntry Owner, IReadOnlyList<string> Path)> conflicts)
    {
        var causes = new JsonArray();
        foreach (var (owner, path) in conflicts)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{owner.Manager}\" using {owner.ApiVersion}",
                ["field"] = ObjectFields.Describe(path),
            });
        }

        var byManager = conflicts.GroupBy(c => (c.Owner.Manager, c.Owner.ApiVersion)).ToList();
        var noun = conflicts.Count == 1 ? "conflict" : "conflicts";
        var message = byManager.Count == 1 && conflicts.Count == 1
            ? $"Apply failed with 1 conflict: conflict with \"{conflicts[0].Owner.Manager}\" using {conflicts[0].Owner.ApiVersion}: {ObjectFields.Describe(conflicts[0].Path)}"
            : $"Apply failed with {conflicts.Count} {noun}: " + string.Join("\n", byManager.Select(g =>
                $"conflicts with \"{g.Key.Manager}\" using {g.Key.ApiVersion}:\n" + string.Join("\n", g.Select(c => "- " + ObjectFields.Describe(c.Path)))));
        return new ApiError(409, "Conflict", message, new JsonObject { ["causes"] = causes });
    }
}
