using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Apply;

/// <summary>
/// Records a create, replace or patch in managedFields, as the real server's field manager does for non-apply
/// writes: the writer's Update entry gains the fields it set or changed, those fields leave every other manager's
/// set (an update takes fields over without conflicts), and removed fields leave every set.
/// </summary>
internal static class UpdateTracker
{
    public static void Record(JsonObject? before, JsonObject after, string manager, string apiVersion, DateTimeOffset now)
    {
        var entries = before is null ? [] : ManagedFieldsEntry.Read(before);
        var oldFields = before is null ? new FieldSet() : ObjectFields.Of(before);
        var newFields = ObjectFields.Of(after);
        var removed = oldFields.Except(newFields);
        var changed = new FieldSet();
        foreach (var path in newFields.Paths)
        {
            var old = ObjectFields.At(before, path);
            if (!old.Found || (path[^1] != "." && !JsonNode.DeepEquals(old.Value, ObjectFields.At(after, path).Value)))
            {
                changed.Add(path);
            }
        }

        var updated = new List<ManagedFieldsEntry>();
        var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == ManagedFieldsEntry.Update);
        foreach (var entry in entries)
        {
            if (ReferenceEquals(entry, mine))
            {
                var fields = entry.Fields.Union(changed).Except(removed);
                updated.Add(changed.IsEmpty ? entry with { Fields = fields } : entry with { Fields = fields, ApiVersion = apiVersion, Time = ManagedFieldsEntry.Format(now) });
            }
            else
            {
                updated.Add(entry with { Fields = entry.Fields.Except(removed).Except(changed) });
            }
        }

        if (mine is null && !changed.IsEmpty)
        {
            updated.Add(new ManagedFieldsEntry(manager, ManagedFieldsEntry.Update, apiVersion, ManagedFieldsEntry.Format(now), changed));
        }

        ManagedFieldsEntry.Write(after, updated);
    }
}
