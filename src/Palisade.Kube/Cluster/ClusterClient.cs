using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Palisade.Kube.Cluster;

/// <summary>
/// The few API calls the controller makes, for any kind of <see cref="ResourceTypes"/>, on the official client:
/// objects travel as JSON, as the API server sends them, so no field of a kind the client has no model for is lost.
/// Kinds of named groups go through the client's custom-object calls, which address any group; of the core group
/// (whose paths those calls cannot build) Namespace and ConfigMap are written, and Service and Pod besides can be
/// listed and watched, through its typed calls.
/// </summary>
public sealed class ClusterClient(IKubernetes api)
{
    /// <summary>The kinds of the core group this client can list and watch (each has its typed calls below).</summary>
    public static IReadOnlyList<ResourceType> WatchableCoreKinds { get; } = [ResourceTypes.Namespace, ResourceTypes.ConfigMap, ResourceTypes.Service, ResourceTypes.Pod];

    public IKubernetes Api { get; } = api;

    public async Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellation)
    {
        try
        {
            return await Call(type, name, async () => type switch
            {
                { Group: "" } when type == ResourceTypes.Namespace => ToJson(await Api.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellation).ConfigureAwait(false)),
                { Group: "" } when type == ResourceTypes.ConfigMap => ToJson(await Api.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellation).ConfigureAwait(false)),
                { Group: "" } => throw Unsupported(type),
                { Namespaced: true } => ToJson(await Api.CustomObjects.GetNamespacedCustomObjectAsync(type.Group, type.Version, ns, type.Plural, name, cancellation).ConfigureAwait(false)),
                _ => ToJson(await Api.CustomObjects.GetClusterCustomObjectAsync(type.Group, type.Version, type.Plural, name, cancellation).ConfigureAwait(false)),
            }).ConfigureAwait(false);
        }
        catch (ClusterException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Every object of the kind in the cluster (all namespaces) that matches the label selector, and the list's resourceVersion.</summary>
    public async Task<(IReadOnlyList<JsonObject> Items, string? ResourceVersion)> ListAsync(ResourceType type, string? labelSelector, CancellationToken cancellation)
    {
        var list = await Call(type, null, async () => type switch
        {
            { Group: "" } when type == ResourceTypes.Namespace => ToJson(await Api.CoreV1.ListNamespaceAsync(labelSelector: labelSelector, cancellationToken: cancellation).ConfigureAwait(false)),
            { Group: "" } when type == ResourceTypes.ConfigMap => ToJson(await Api.CoreV1.ListConfigMapForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: cancellation).ConfigureAwait(false)),
            { Group: "" } when type == ResourceTypes.Service => ToJson(await Api.CoreV1.ListServiceForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: cancellation).ConfigureAwait(false)),
            { Group: "" } when type == ResourceTypes.Pod => ToJson(await Api.CoreV1.ListPodForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: cancellation).ConfigureAwait(false)),
            { Group: "" } => throw Unsupported(type),
            _ => ToJson(await Api.CustomObjects.ListClusterCustomObjectAsync(type.Group, type.Version, type.Plural, labelSelector: labelSelector, cancellationToken: cancellation).ConfigureAwait(false)),
        }).ConfigureAwait(false);
        var items = (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(WithTypeOf(type)).ToList();
        return (items, (list["metadata"] as JsonObject)?["resourceVersion"]?.GetValue<string>());
    }

    /// <summary>Server-side apply of <paramref name="obj"/> (which names its apiVersion, kind, name and namespace) as <paramref name="fieldManager"/>.</summary>
    public Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj, string fieldManager, bool force, bool dryRun, CancellationToken cancellation)
    {
        var name = ClusterObjects.Name(obj) ?? throw new ArgumentException("the object has no metadata.name", nameof(obj));
        var ns = ClusterObjects.Namespace(obj);
        var patch = new V1Patch(obj.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var dry = dryRun ? "All" : null;
        return Call(type, name, async () => type switch
        {
            { Group: "" } when type == ResourceTypes.Namespace => ToJson(await Api.CoreV1.PatchNamespaceAsync(patch, name, dry, fieldManager, force: force, cancellationToken: cancellation).ConfigureAwait(false)),
            { Group: "" } when type == ResourceTypes.ConfigMap => ToJson(await Api.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, dry, fieldManager, force: force, cancellationToken: cancellation).ConfigureAwait(false)),
            { Group: "" } => throw Unsupported(type),
            { Namespaced: true } => ToJson(await Api.CustomObjects.PatchNamespacedCustomObjectAsync(patch, type.Group, type.Version, ns, type.Plural, name, dry, fieldManager, force: force, cancellationToken: cancellation).ConfigureAwait(false)),
            _ => ToJson(await Api.CustomObjects.PatchClusterCustomObjectAsync(patch, type.Group, type.Version, type.Plural, name, dry, fieldManager, force: force, cancellationToken: cancellation).ConfigureAwait(false)),
        });
    }

    /// <summary>An RFC 6902 patch; with a <c>test</c> of <c>/metadata/resourceVersion</c> it changes nothing if the object moved on meanwhile.</summary>
    public Task<JsonObject> JsonPatchAsync(ResourceType type, string? ns, string name, JsonArray operations, string fieldManager, CancellationToken cancellation)
    {
        var patch = new V1Patch(operations.ToJsonString(), V1Patch.PatchType.JsonPatch);
        return Call(type, name, async () => type switch
        {
            { Group: "" } when type == ResourceTypes.Namespace => ToJson(await Api.CoreV1.PatchNamespaceAsync(patch, name, fieldManager: fieldManager, cancellationToken: cancellation).ConfigureAwait(false)),
            { Group: "" } when type == ResourceTypes.ConfigMap => ToJson(await Api.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: fieldManager, cancellationToken: cancellation).ConfigureAwait(false)),
            { Group: "" } => throw Unsupported(type),
            { Namespaced: true } => ToJson(await Api.CustomObjects.PatchNamespacedCustomObjectAsync(patch, type.Group, type.Version, ns, type.Plural, name, fieldManager: fieldManager, cancellationToken: cancellation).ConfigureAwait(false)),
            _ => ToJson(await Api.CustomObjects.PatchClusterCustomObjectAsync(patch, type.Group, type.Version, type.Plural, name, fieldManager: fieldManager, cancellationToken: cancellation).ConfigureAwait(false)),
        });
    }

    /// <summary>Deletes the object; false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(ResourceType type, string? ns, string name, bool dryRun, CancellationToken cancellation)
    {
        var dry = dryRun ? "All" : null;
        try
        {
            await Call(type, name, async () => type switch
            {
                { Group: "" } when type == ResourceTypes.Namespace => ToJson(await Api.CoreV1.DeleteNamespaceAsync(name, dryRun: dry, cancellationToken: cancellation).ConfigureAwait(false)),
                { Group: "" } when type == ResourceTypes.ConfigMap => ToJson(await Api.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, dryRun: dry, cancellationToken: cancellation).ConfigureAwait(false)),
                { Group: "" } => throw Unsupported(type),
                { Namespaced: true } => ToJson(await Api.CustomObjects.DeleteNamespacedCustomObjectAsync(type.Group, type.Version, ns, type.Plural, name, dryRun: dry, cancellationToken: cancellation).ConfigureAwait(false)),
                _ => ToJson(await Api.CustomObjects.DeleteClusterCustomObjectAsync(type.Group, type.Version, type.Plural, name, dryRun: dry, cancellationToken: cancellation).ConfigureAwait(false)),
            }).ConfigureAwait(false);
            return true;
        }
        catch (ClusterException ex) when (ex.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// Watches every object of the kind that matches the selector, from <paramref name="resourceVersion"/> on (the
    /// version of a list, so nothing between the list and the watch is missed). Ends when the server ends the stream.
    /// </summary>
    public async IAsyncEnumerable<ClusterWatchEvent> WatchAsync(ResourceType type, string? labelSelector, string? resourceVersion, [EnumeratorCancellation] CancellationToken cancellation)
    {
        // The client hands an ERROR event (a 410 Expired, say) to onError and then ends the stream; keep it, so the
        // end of the stream can say why instead of looking like a clean close.
        Exception? failure = null;
        var events = WatchSource(type, labelSelector, resourceVersion, ex => failure ??= ex, cancellation);
        await using var enumerator = events.GetAsyncEnumerator(cancellation);
        while (true)
        {
            bool ended;
            try
            {
                ended = !await enumerator.MoveNextAsync().ConfigureAwait(false);
            }
            catch (HttpOperationException ex)
            {
                throw Translate(ex, type, null);
            }
            catch (HttpRequestException ex) when (IsEndOfStream(ex))
            {
                ended = true;
            }

            if (ended)
            {
                if (failure is not null && !IsEndOfStream(failure))
                {
                    throw WatchFailure(type, failure);
                }

                yield break;
            }

            var next = enumerator.Current;

            if (next.Type == WatchEventType.Error)
            {
                var status = ToJson(next.Object);
                var code = status["code"]?.GetValue<int>() ?? 500;
                throw new ClusterException((HttpStatusCode)code, status["reason"]?.GetValue<string>() ?? "Error", $"watch of {type.GroupKind}: {status["message"]?.GetValue<string>() ?? "error"}");
            }

            var obj = ToJson(next.Object);
            var kind = next.Type switch
            {
                WatchEventType.Added => ClusterWatchEventType.Added,
                WatchEventType.Modified => ClusterWatchEventType.Modified,
                WatchEventType.Deleted => ClusterWatchEventType.Deleted,
                _ => ClusterWatchEventType.Bookmark,
            };
            yield return new ClusterWatchEvent(kind, obj);
        }
    }

    private IAsyncEnumerable<(WatchEventType Type, object Object)> WatchSource(ResourceType type, string? labelSelector, string? resourceVersion, Action<Exception> onError, CancellationToken cancellation)
    {
        return type switch
        {
            { Group: "" } when type == ResourceTypes.Namespace => Boxed(Api.CoreV1.WatchListNamespaceAsync(allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellation), cancellation),
            { Group: "" } when type == ResourceTypes.ConfigMap => Boxed(Api.CoreV1.WatchListConfigMapForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellation), cancellation),
            { Group: "" } when type == ResourceTypes.Service => Boxed(Api.CoreV1.WatchListServiceForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellation), cancellation),
            { Group: "" } when type == ResourceTypes.Pod => Boxed(Api.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellation), cancellation),
            { Group: "" } => throw Unsupported(type),
            _ => Api.CustomObjects.WatchListClusterCustomObjectAsync(
                type.Group, type.Version, type.Plural, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellation),
        };
    }

    /// <summary>A typed watch of the core group as the untyped events the custom-object watch yields.</summary>
    private static async IAsyncEnumerable<(WatchEventType Type, object Object)> Boxed<T>(IAsyncEnumerable<(WatchEventType Type, T Object)> events, [EnumeratorCancellation] CancellationToken cancellation)
        where T : class
    {
        await foreach (var (type, obj) in events.WithCancellation(cancellation).ConfigureAwait(false))
        {
            yield return (type, obj);
        }
    }

    /// <summary>
    /// The server ended the watch (its request timeout, a restart): the client's line reader meets the end of the
    /// response and reports it as a failure. It is the clean end after which a caller resumes from the last version.
    /// </summary>
    private static bool IsEndOfStream(Exception ex) => ex is EndOfStreamException || ex.InnerException is EndOfStreamException;

    private static ClusterException WatchFailure(ResourceType type, Exception failure) => failure switch
    {
        KubernetesException { Status: { } status } => new ClusterException((HttpStatusCode)(status.Code ?? 500), status.Reason ?? "Error", $"watch of {type.GroupKind}: {status.Message}", failure),
        _ => new ClusterException(0, "WatchFailed", $"watch of {type.GroupKind}: {failure.Message}", failure),
    };

    private static Func<JsonObject, JsonObject> WithTypeOf(ResourceType type) => item =>
    {
        // Items of a list carry no apiVersion/kind of their own in every server's answer; set them so each stands alone.
        item["apiVersion"] ??= type.ApiVersion;
        item["kind"] ??= type.Kind;
        return item;
    };

    private static async Task<JsonObject> Call(ResourceType type, string? name, Func<Task<JsonObject>> request)
    {
        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (HttpOperationException ex)
        {
            throw Translate(ex, type, name);
        }
        catch (HttpRequestException ex)
        {
            throw new ClusterException(0, "Unreachable", $"the API server cannot be reached: {ex.Message}", ex);
        }
    }

    private static ClusterException Translate(HttpOperationException ex, ResourceType type, string? name)
    {
        var status = ex.Response?.StatusCode ?? 0;
        string? reason = null;
        string? message = null;
        try
        {
            if (ex.Response?.Content is { Length: > 0 } content && JsonNode.Parse(content) is JsonObject body)
            {
                reason = body["reason"]?.GetValue<string>();
                message = body["message"]?.GetValue<string>();
            }
        }
        catch (JsonException)
        {
            // The body is not a Status object (a proxy's error page, say): the HTTP status says enough.
        }

        var subject = name is null ? type.GroupKind : $"{type.GroupKind} {name}";
        return new ClusterException(status, reason ?? status.ToString(), $"{subject}: {message ?? $"the API server answered {(int)status} {status}"}", ex);
    }

    private static JsonObject ToJson(object? value) => value switch
    {
        JsonElement element => JsonNode.Parse(element.GetRawText()) as JsonObject ?? [],
        null => [],
        _ => JsonNode.Parse(KubernetesJson.Serialize(value)) as JsonObject ?? [],
    };

    private static ClusterException Unsupported(ResourceType type) =>
        new(HttpStatusCode.NotImplemented, "Unsupported", $"{type.GroupKind}: Palisade does not manage core objects of this kind");
}
