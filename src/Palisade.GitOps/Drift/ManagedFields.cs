using System.Text.Json.Nodes;

namespace Palisade.GitOps.Drift;

/// <summary>One field manager's entry in an object's <c>metadata.managedFields</c>.</summary>
public sealed record FieldOwner(string Manager, string Operation, DateTimeOffset? Time, IReadOnlySet<string> Paths);

/// <summary>
/// Reads <c>metadata.managedFields</c>: who set which fields. Paths are dotted (<c>.spec.ingress</c>); an element of a
/// list (<c>k:{…}</c>, <c>v:…</c>, <c>i:…</c> in fieldsV1) counts as its list, since Palisade compares lists whole.
/// </summary>
public static class ManagedFields
{
    public static IReadOnlyList<FieldOwner> Read(JsonObject obj)
    {
        var owners = new List<FieldOwner>();
        if (obj["metadata"]?["managedFields"] is not JsonArray entries)
        {
            return owners;
        }

        foreach (var entry in entries.OfType<JsonObject>())
        {
            var paths = new HashSet<string>(StringComparer.Ordinal);
            if (entry["fieldsV1"] is JsonObject fields)
            {
                Collect(fields, string.Empty, paths);
            }

            DateTimeOffset? time = entry["time"] is JsonValue t && t.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, out var parsed) ? parsed : null;
            owners.Add(new FieldOwner(Text(entry["manager"]) ?? "unknown", Text(entry["operation"]) ?? "Update", time, paths));
        }

        return owners;
    }

    private static void Collect(JsonObject fields, string prefix, HashSet<string> paths)
    {
        foreach (var (key, value) in fields)
        {
            if (key == ".")
            {
                paths.Add(prefix);
            }
            else if (key.StartsWith("f:", StringComparison.Ordinal))
            {
                var path = prefix + "." + key[2..];
                if (value is JsonObject { Count: > 0 } children)
                {
                    Collect(children, path, paths);
                }
                else
                {
                    paths.Add(path);
                }
            }
            else
            {
                // k:, v: or i: — an element of the list at prefix.
                paths.Add(prefix);
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
