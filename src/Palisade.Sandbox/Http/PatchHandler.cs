using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Palisade.Sandbox.Apply;
using Palisade.Sandbox.Patching;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Http;

/// <summary>
/// PATCH of an object: JSON merge patch, RFC 6902 JSON patch, strategic merge patch and server-side apply. A patch
/// is applied to the stored object and stored only if nobody changed it meanwhile; if someone did, it is applied
/// again to the newer object, as the real server retries.
/// </summary>
internal sealed class PatchHandler(ObjectStore store, WritePipeline pipeline, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task PatchAsync(HttpContext context, ApiPath path)
    {
        var parameters = WriteParameters.From(context.Request);
        var mediaType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        var text = await JsonIO.ReadTextAsync(context).ConfigureAwait(false);
        var isApply = mediaType == "application/apply-patch+yaml";
        var force = context.Request.Query["force"] is ["true"];
        if (isApply && parameters.ExplicitManager is null)
        {
            throw InvalidOptions("fieldManager: Required value: is required for apply patch");
        }

        if (!isApply && context.Request.Query.ContainsKey("force"))
        {
            throw InvalidOptions("force: Forbidden: may not be specified for non-apply patch");
        }

        var patch = isApply ? YamlJson.Parse(text) : JsonIO.Parse(text);
        var name = path.Name!;
        for (var attempt = 1; ; attempt++)
        {
            var current = store.Get(path.Resource, path.Namespace, name);
            var now = time.GetUtcNow();
            var (result, precondition) = current is null
                ? (Created(path, patch, isApply, parameters, force, now), (long?)null)
                : Patched(current, path, mediaType, patch, parameters, force, now);
            var operation = current is null ? WriteOperation.Create : WriteOperation.Update;
            await Admission.AdmitAsync(pipeline, Admission.Request(operation, path, name, result, current, parameters), context).ConfigureAwait(false);
            if (parameters.DryRun)
            {
                await JsonIO.WriteAsync(context, current is null ? 201 : 200, result).ConfigureAwait(false);
                return;
            }

            try
            {
                var stored = current is null ? store.Create(path.Resource, result) : store.Replace(path.Resource, result, ObjectMeta.Revision(current));
                await JsonIO.WriteAsync(context, current is null ? 201 : 200, stored).ConfigureAwait(false);
                return;
            }
            catch (ApiError ex) when (ex.Code == 409 && precondition is null && attempt < Attempts)
            {
                // Changed (or created) by another writer between reading and storing: patch the newer object.
            }
        }
    }

    /// <summary>Patch options kube-apiserver refuses, in its words: 422 about the PatchOptions.</summary>
    private static ApiError InvalidOptions(string problem) =>
        new(422, "Invalid", $"PatchOptions.meta.k8s.io \"\" is invalid: {problem}", new JsonObject { ["group"] = "meta.k8s.io", ["kind"] = "PatchOptions" });

    /// <summary>An apply to a missing object creates it; any other patch of one is 404.</summary>
    private JsonObject Created(ApiPath path, JsonNode? patch, bool isApply, WriteParameters parameters, bool force, DateTimeOffset now)
    {
        if (!isApply)
        {
            throw ApiError.NotFound(path.Resource, path.Name!);
        }

        var config = AppliedConfiguration(patch, path);
        if (path.Namespace is { } ns && !store.NamespaceExists(ns))
        {
            throw ApiError.NamespaceNotFound(ns);
        }

        var created = ServerSideApply.Apply(null, config, parameters.Manager, force, path.Resource.ApiVersion, now);
        ObjectPreparation.ForCreate(created, path.Resource, now);
        return created;
    }

    private static (JsonObject Result, long? Precondition) Patched(JsonObject current, ApiPath path, string mediaType, JsonNode? patch, WriteParameters parameters, bool force, DateTimeOffset now)
    {
        if (mediaType == "application/apply-patch+yaml")
        {
            var config = AppliedConfiguration(patch, path);
            var precondition = Precondition(config, current, path);
            var applied = ServerSideApply.Apply(current, config, parameters.Manager, force, path.Resource.ApiVersion, now);
            var managedFields = applied["metadata"]?["managedFields"]?.DeepClone();
            ObjectPreparation.ForUpdate(applied, current);
            ObjectMeta.Of(applied)["managedFields"] = managedFields;
            return (applied, precondition);
        }

        var patched = mediaType switch
        {
            "application/merge-patch+json" => JsonMergePatch.Apply(current, patch),
            "application/strategic-merge-patch+json" => StrategicMergePatch.Apply(current, patch),
            "application/json-patch+json" => JsonPatch.Apply(current, patch),
            _ => throw ApiError.UnsupportedMediaType(mediaType),
        } as JsonObject ?? throw ApiError.BadRequest("the patched object is not a JSON object");
        ObjectPreparation.MatchUrl(patched, path);
        var given = SetsResourceVersion(patch) ? Precondition(patched, current, path) : null;
        return (WriteHandler.Updated(current, patched, path, parameters, now), given);
    }

    private static JsonObject AppliedConfiguration(JsonNode? patch, ApiPath path)
    {
        var config = patch as JsonObject ?? throw ApiError.BadRequest("the applied configuration must be an object");
        if (config["apiVersion"] is null || config["kind"] is null)
        {
            throw ApiError.BadRequest("invalid object type: apiVersion and kind must be set in an applied configuration");
        }

        ObjectPreparation.MatchUrl(config, path);
        return config;
    }

    /// <summary>Whether a merge patch or a JSON patch writes metadata.resourceVersion, which makes it a precondition.</summary>
    private static bool SetsResourceVersion(JsonNode? patch) => patch switch
    {
        JsonObject obj => obj["metadata"] is JsonObject metadata && metadata.ContainsKey("resourceVersion"),
        JsonArray operations => operations.OfType<JsonObject>().Any(op => JsonText.Of(op["path"]) == "/metadata/resourceVersion" && JsonText.Of(op["op"]) != "test"),
        _ => false,
    };

    /// <summary>A resourceVersion the patch sets is a precondition: 409 unless the object is still at it.</summary>
    private static long? Precondition(JsonObject patched, JsonObject current, ApiPath path)
    {
        if (ObjectMeta.Text(patched, "resourceVersion") is not { Length: > 0 })
        {
            return null;
        }

        var wanted = ObjectMeta.Revision(patched);
        return wanted == ObjectMeta.Revision(current) ? wanted : throw ApiError.StaleResourceVersion(path.Resource, path.Name!);
    }
}
