using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Apply;

/// <summary>
/// The field paths of an object, and reading and removing the value at a path. What an object sets is what its
/// manager owns; the identifying and server-set fields (apiVersion, kind, name, namespace, uid, resourceVersion,
/// generation, creationTimestamp, managedFields) and status belong to nobody, as in Kubernetes.
/// </summary>
internal static class ObjectFields
{
    private static readonly HashSet<string> UnownedMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds",
    };

    public static FieldSet Of(JsonObject obj)
    {
        var set = new FieldSet();
        foreach (var (field, value) in obj)
        {
            if (field is "apiVersion" or "kind" or "status" || value is null)
            {
                continue;
            }

            if (field == "metadata" && value is JsonObject metadata)
            {
                var owned = new JsonObject(metadata.Where(m => !UnownedMetadata.Contains(m.Key)).Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())));
                if (owned.Count > 0)
                {
                    Walk(owned, ["f:metadata"], "metadata", set);
                }

                continue;
            }

            Walk(value, ["f:" + field], field, set);
        }

        return set;
    }

    /// <summary>Adds the leaves under <paramref name="node"/>, which is at <paramref name="path"/> (fieldsV1 elements) and <paramref name="dotted"/> (field names).</summary>
    private static void Walk(JsonNode node, List<string> path, string dotted, FieldSet set)
    {
        switch (node)
        {
            case JsonObject { Count: > 0 } obj:
                if (ListSemantics.IsGranularMap(dotted))
                {
                    set.Add([.. path, "."]);
                }

                foreach (var (field, value) in obj)
                {
                    if (value is not null)
                    {
                        Walk(value, [.. path, "f:" + field], ListSemantics.Child(dotted, field), set);
                    }
                }

                break;
            case JsonArray list when ListSemantics.MergeKey(dotted) is { } key:
                foreach (var element in list.OfType<JsonObject>())
                {
                    var elementPath = new List<string>(path) { KeyElement(key, element) };
                    set.Add([.. elementPath, "."]);
                    foreach (var (field, value) in element)
                    {
                        if (value is not null)
                        {
                            Walk(value, [.. elementPath, "f:" + field], ListSemantics.Child(dotted, field), set);
                        }
                    }
                }

                break;
            case JsonArray list when ListSemantics.IsSet(dotted):
                foreach (var element in list)
                {
                    set.Add([.. path, "v:" + (element?.ToJsonString() ?? "null")]);
                }

                break;
            default:
                // Scalars, empty objects and atomic lists are owned whole.
                set.Add(path);
                break;
        }
    }

    private static string KeyElement(string key, JsonObject element) =>
        "k:" + new JsonObject { [key] = element[key]?.DeepClone() }.ToJsonString();

    /// <summary>The value at a path, with whether it exists; the node itself for a final <c>.</c>.</summary>
    public static (bool Found, JsonNode? Value) At(JsonNode? root, IReadOnlyList<string> path)
    {
        var node = root;
        foreach (var element in path)
        {
            if (element == ".")
            {
                break;
            }

            node = Child(node, element, out var found);
            if (!found)
            {
                return (false, null);
            }
        }

        return (true, node);
    }

    /// <summary>Removes the field or list element a path names; for a final <c>.</c>, the node when nothing is left in it.</summary>
    public static void Remove(JsonNode root, IReadOnlyList<string> path)
    {
        var nodeOnly = path[^1] == ".";
        var target = nodeOnly ? path.Take(path.Count - 1).ToList() : path;
        if (target.Count == 0)
        {
            return;
        }

        var (found, parent) = At(root, [.. target.Take(target.Count - 1)]);
        if (!found || (nodeOnly && At(root, target).Value is JsonObject { Count: > 0 }))
        {
            return;
        }

        var last = target[^1];
        if (parent is JsonObject obj && last.StartsWith("f:", StringComparison.Ordinal))
        {
            obj.Remove(last[2..]);
        }
        else if (parent is JsonArray list && Child(list, last, out var elementFound) is var element && elementFound)
        {
            list.Remove(element);
        }
    }

    private static JsonNode? Child(JsonNode? node, string element, out bool found)
    {
        found = false;
        if (element.StartsWith("f:", StringComparison.Ordinal) && node is JsonObject obj && obj.TryGetPropertyValue(element[2..], out var child))
        {
            found = true;
            return child;
        }

        if (node is JsonArray list && element.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(element[2..]) is JsonObject key)
        {
            var match = list.OfType<JsonObject>().FirstOrDefault(e => key.All(k => JsonNode.DeepEquals(e[k.Key], k.Value)));
            found = match is not null;
            return match;
        }

        if (node is JsonArray values && element.StartsWith("v:", StringComparison.Ordinal))
        {
            var wanted = JsonNode.Parse(element[2..]);
            var match = values.FirstOrDefault(v => JsonNode.DeepEquals(v, wanted));
            found = match is not null;
            return match;
        }

        return null;
    }

    /// <summary>A path as the real server prints it in conflicts: <c>.spec.order</c>, <c>.metadata.ownerReferences[uid="…"]</c>.</summary>
    public static string Describe(IReadOnlyList<string> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var element in path.Where(e => e != "."))
        {
            text.Append(element[..2] switch
            {
                "f:" => "." + element[2..],
                "k:" => "[" + string.Join(",", (JsonNode.Parse(element[2..]) as JsonObject ?? []).Select(k => $"{k.Key}={k.Value?.ToJsonString()}")) + "]",
                _ => "[=" + element[2..] + "]",
            });
        }

        return text.ToString();
    }
}
