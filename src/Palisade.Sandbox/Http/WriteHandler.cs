using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Palisade.Sandbox.Apply;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Http;

/// <summary>POST (create), PUT (replace), DELETE of an object and DELETE of a collection.</summary>
internal sealed class WriteHandler(ObjectStore store, WritePipeline pipeline, TimeProvider time)
{
    public async Task CreateAsync(HttpContext context, ApiPath path)
    {
        var parameters = WriteParameters.From(context.Request);
        var obj = JsonIO.ParseObject(await JsonIO.ReadTextAsync(context).ConfigureAwait(false));
        ObjectPreparation.MatchUrl(obj, path);
        var now = time.GetUtcNow();
        ObjectMeta.Of(obj).Remove("managedFields");
        ObjectPreparation.ForCreate(obj, path.Resource, now);
        var name = ObjectMeta.Name(obj);
        if (path.Namespace is { } ns && !store.NamespaceExists(ns))
        {
            throw ApiError.NamespaceNotFound(ns);
        }

        if (parameters.DryRun && store.Get(path.Resource, path.Namespace, name) is not null)
        {
            throw ApiError.AlreadyExists(path.Resource, name);
        }

        UpdateTracker.Record(null, obj, parameters.Manager, path.Resource.ApiVersion, now);
        await Admission.AdmitAsync(pipeline, Admission.Request(WriteOperation.Create, path, name, obj, null, parameters), context).ConfigureAwait(false);
        var result = parameters.DryRun ? obj : store.Create(path.Resource, obj);
        await JsonIO.WriteAsync(context, 201, result).ConfigureAwait(false);
    }

    public async Task ReplaceAsync(HttpContext context, ApiPath path)
    {
        var parameters = WriteParameters.From(context.Request);
        var obj = JsonIO.ParseObject(await JsonIO.ReadTextAsync(context).ConfigureAwait(false));
        ObjectPreparation.MatchUrl(obj, path);
        var name = path.Name!;
        var current = store.Get(path.Resource, path.Namespace, name) ?? throw ApiError.NotFound(path.Resource, name);
        // Without a resourceVersion the replace is unconditional, as the real server allows for these kinds.
        var expected = ObjectMeta.Text(obj, "resourceVersion") is { Length: > 0 } ? ObjectMeta.Revision(obj) : ObjectMeta.Revision(current);
        if (expected != ObjectMeta.Revision(current))
        {
            throw ApiError.StaleResourceVersion(path.Resource, name);
        }

        var result = Updated(current, obj, path, parameters, time.GetUtcNow());
        await Admission.AdmitAsync(pipeline, Admission.Request(WriteOperation.Update, path, name, result, current, parameters), context).ConfigureAwait(false);
        await JsonIO.WriteAsync(context, 200, parameters.DryRun ? result : store.Replace(path.Resource, result, expected)).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored form of an update written by a non-apply request: server-owned fields carried over and the write
    /// recorded in managedFields (those in the request are ignored; the server keeps them).
    /// </summary>
    public static JsonObject Updated(JsonObject current, JsonObject updated, ApiPath path, WriteParameters parameters, DateTimeOffset now)
    {
        ObjectPreparation.ForUpdate(updated, current);
        var metadata = ObjectMeta.Of(updated);
        metadata["managedFields"] = current["metadata"]?["managedFields"]?.DeepClone();
        UpdateTracker.Record(current, updated, parameters.Manager, path.Resource.ApiVersion, now);
        return updated;
    }

    public async Task DeleteAsync(HttpContext context, ApiPath path)
    {
        var options = await ReadDeleteOptionsAsync(context).ConfigureAwait(false);
        var parameters = WriteParameters.From(context.Request);
        if (options?["dryRun"] is JsonArray dryRun && dryRun.Any(v => JsonText.Of(v) == "All"))
        {
            // kubectl delete --dry-run=server says so in the DeleteOptions body.
            parameters = parameters with { DryRun = true };
        }
        var name = path.Name!;
        var current = store.Get(path.Resource, path.Namespace, name) ?? throw ApiError.NotFound(path.Resource, name);
        long? precondition = JsonText.Of(options?["preconditions"]?["resourceVersion"]) is { } rv && long.TryParse(rv, out var parsed) ? parsed : null;
        await Admission.AdmitAsync(pipeline, Admission.Request(WriteOperation.Delete, path, name, null, current, parameters), context).ConfigureAwait(false);
        var deleted = parameters.DryRun ? current : store.Delete(path.Resource, path.Namespace, name, precondition);
        // kube-apiserver answers a namespace delete with the namespace, other deletes with a Status naming the object.
        if (path.Resource.Group.Length == 0 && path.Resource.Plural == "namespaces")
        {
            await JsonIO.WriteAsync(context, 200, deleted).ConfigureAwait(false);
            return;
        }

        var details = StatusBody.Details(path.Resource, name);
        details["uid"] = ObjectMeta.Text(deleted, "uid");
        await JsonIO.WriteAsync(context, 200, StatusBody.Success(details)).ConfigureAwait(false);
    }

    public async Task DeleteCollectionAsync(HttpContext context, ApiPath path)
    {
        var parameters = WriteParameters.From(context.Request);
        var filter = ListFilter.From(context.Request, path.Namespace);
        var deleted = new JsonArray();
        foreach (var obj in store.List(path.Resource, path.Namespace).Items.Where(filter.Matches))
        {
            var name = ObjectMeta.Name(obj);
            await Admission.AdmitAsync(pipeline, Admission.Request(WriteOperation.Delete, path with { Name = name }, name, null, obj, parameters), context).ConfigureAwait(false);
            deleted.Add(parameters.DryRun ? obj : store.Delete(path.Resource, ObjectMeta.Namespace(obj), name, null));
        }

        var list = new JsonObject
        {
            ["kind"] = path.Resource.Kind + "List",
            ["apiVersion"] = path.Resource.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        };
        await JsonIO.WriteAsync(context, 200, list).ConfigureAwait(false);
    }

    private static async Task<JsonObject?> ReadDeleteOptionsAsync(HttpContext context)
    {
        var text = await JsonIO.ReadTextAsync(context).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? null : JsonIO.ParseObject(text);
    }
}
