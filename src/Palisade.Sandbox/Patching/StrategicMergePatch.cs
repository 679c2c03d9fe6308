using System.Text.Json.Nodes;
using Palisade.Sandbox.Apply;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Patching;

/// <summary>
/// <c>application/strategic-merge-patch+json</c> for the served kinds: a JSON merge patch in which the lists that
/// <see cref="ListSemantics"/> names merge by key (elements with <c>$patch: delete</c> removed), a map with
/// <c>$patch: replace</c> is replaced and <c>$patch: delete</c> deletes it, and the bookkeeping directives kubectl
/// sends (<c>$setElementOrder/…</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/…</c>) are dropped. Every
/// other list is replaced whole, as the atomic lists of NetworkPolicy are by the real server.
/// </summary>
internal static class StrategicMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => Merge(target, patch, "");

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch, string path)
    {
        if (patch is JsonArray patchList && target is JsonArray targetList && ListSemantics.MergeKey(path) is { } key)
        {
            return MergeList(targetList, patchList, key, path);
        }

        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var directive = JsonText.Of(patchObject["$patch"]);
        if (directive == "delete")
        {
            return null;
        }

        var result = directive != "replace" && target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (field, value) in patchObject)
        {
            if (field.StartsWith('$'))
            {
                continue;
            }

            var merged = value is null ? null : Merge(result[field], value, ListSemantics.Child(path, field));
            if (merged is null)
            {
                result.Remove(field);
            }
            else
            {
                result[field] = merged;
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray target, JsonArray patch, string key, string path)
    {
        var result = new JsonArray(target.Select(e => e?.DeepClone()).ToArray());
        foreach (var element in patch.OfType<JsonObject>())
        {
            var index = result.Select((e, i) => (e, i)).FirstOrDefault(p => p.e is JsonObject o && JsonNode.DeepEquals(o[key], element[key]), (null, -1)).i;
            var merged = Merge(index >= 0 ? result[index] : null, element, path);
            if (index < 0)
            {
                if (merged is not null)
                {
                    result.Add(merged);
                }
            }
            else if (merged is null)
            {
                result.RemoveAt(index);
            }
            else
            {
                result[index] = merged;
            }
        }

        return result;
    }
}
