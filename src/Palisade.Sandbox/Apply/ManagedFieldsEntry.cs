using System.Globalization;
using System.Text.Json.Nodes;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Apply;

/// <summary>One entry of metadata.managedFields: the fields one manager set with one kind of operation.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string Time, FieldSet Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        if (obj["metadata"]?["managedFields"] is JsonArray list)
        {
            foreach (var item in list.OfType<JsonObject>())
            {
                entries.Add(new ManagedFieldsEntry(
                    Text(item, "manager"),
                    Text(item, "operation"),
                    Text(item, "apiVersion"),
                    Text(item, "time"),
                    FieldSet.FromFieldsV1(item["fieldsV1"] as JsonObject)));
            }
        }

        return entries;
    }

    /// <summary>Writes the entries that own something into the object's metadata, dropping the empty ones as the real server does.</summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var list = new JsonArray();
        foreach (var entry in entries.Where(e => !e.Fields.IsEmpty))
        {
            list.Add(new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = entry.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = entry.Fields.ToFieldsV1(),
            });
        }

        var metadata = ObjectMeta.Of(obj);
        if (list.Count > 0)
        {
            metadata["managedFields"] = list;
        }
        else
        {
            metadata.Remove("managedFields");
        }
    }

    /// <summary>A time as managedFields and creationTimestamp hold it: RFC 3339, whole seconds, UTC.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Text(JsonObject item, string field) => item[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
