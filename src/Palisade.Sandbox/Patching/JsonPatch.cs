using System.Globalization;
using System.Text.Json.Nodes;
using Palisade.Sandbox.Http;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Patching;

/// <summary>RFC 6902 JSON patch (<c>application/json-patch+json</c>): add, remove, replace, move, copy and test, applied in order.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiError.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        var result = document.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op || JsonText.Of(op["op"]) is not { } name || JsonText.Of(op["path"]) is not { } path)
            {
                throw ApiError.BadRequest("a JSON patch operation needs op and path");
            }

            switch (name)
            {
                case "add":
                    result = Add(result, Pointer(path), Value(op));
                    break;
                case "remove":
                    result = Remove(result, Pointer(path), path);
                    break;
                case "replace":
                    result = Remove(result, Pointer(path), path);
                    result = Add(result, Pointer(path), Value(op));
                    break;
                case "move":
                    {
                        var from = From(op);
                        var moved = Get(result, Pointer(from), from)?.DeepClone();
                        result = Add(Remove(result, Pointer(from), from), Pointer(path), moved);
                        break;
                    }

                case "copy":
                    {
                        var from = From(op);
                        result = Add(result, Pointer(path), Get(result, Pointer(from), from)?.DeepClone());
                        break;
                    }

                case "test":
                    if (!JsonNode.DeepEquals(Get(result, Pointer(path), path), op["value"]))
                    {
                        throw Unprocessable($"testing value {path} failed: test failed");
                    }

                    break;
                default:
                    throw ApiError.BadRequest($"Unexpected kind: {name}");
            }
        }

        return result;
    }

    private static JsonNode? Value(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw ApiError.BadRequest("missing value in JSON patch operation");

    private static string From(JsonObject op) => JsonText.Of(op["from"]) ?? throw ApiError.BadRequest("missing from in JSON patch operation");

    private static string[] Pointer(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        if (!path.StartsWith('/'))
        {
            throw Unprocessable($"JSON pointer must start with /: {path}");
        }

        return [.. path[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Get(JsonNode root, string[] pointer, string path)
    {
        JsonNode? node = root;
        foreach (var token in pointer)
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray list when Index(token, list.Count - 1) is { } at => list[at],
                _ => throw Unprocessable($"path {path} does not exist"),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode root, string[] pointer, JsonNode? value)
    {
        if (pointer.Length == 0)
        {
            return value ?? throw Unprocessable("cannot replace the document with null");
        }

        var parent = Get(root, pointer[..^1], "/" + string.Join('/', pointer[..^1]));
        var last = pointer[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray list when last == "-":
                list.Add(value);
                break;
            case JsonArray list when Index(last, list.Count) is { } at:
                list.Insert(at, value);
                break;
            default:
                throw Unprocessable($"add operation does not apply: doc is missing path: /{string.Join('/', pointer)}");
        }

        return root;
    }

    private static JsonNode Remove(JsonNode root, string[] pointer, string path)
    {
        if (pointer.Length == 0)
        {
            throw Unprocessable("cannot remove the whole document");
        }

        var parent = Get(root, pointer[..^1], path);
        var last = pointer[^1];
        switch (parent)
        {
            case JsonObject obj when obj.Remove(last):
                break;
            case JsonArray list when Index(last, list.Count - 1) is { } at:
                list.RemoveAt(at);
                break;
            default:
                throw Unprocessable($"remove operation does not apply: doc is missing path: \"{path}\"");
        }

        return root;
    }

    private static int? Index(string token, int max) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= max ? index : null;

    /// <summary>What kube-apiserver answers when a JSON patch does not apply: 422 with the patch error as the cause.</summary>
    private static ApiError Unprocessable(string why) =>
        new(422, "Invalid", "the server rejected our request due to an error in our request", new JsonObject
        {
            ["causes"] = new JsonArray(new JsonObject { ["reason"] = "UnexpectedServerResponse", ["message"] = why }),
        });
}
