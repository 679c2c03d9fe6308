using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Http;

/// <summary>
/// Watches: a chunked stream of newline-delimited JSON events, each flushed as it happens. Without a
/// resourceVersion (or with 0) the current objects come first as ADDED; with one, the events after it are replayed
/// from the history, or a 410 Expired ERROR event ends the stream when the history no longer reaches back that far.
/// </summary>
internal sealed class WatchHandler(ObjectStore store, TimeSpan bookmarkInterval, CancellationToken stopping)
{
    public async Task WatchAsync(HttpContext context, ApiPath path)
    {
        var query = context.Request.Query;
        var filter = ListFilter.From(context.Request, path.Namespace);
        var initialEvents = IsTrue(query["sendInitialEvents"]);
        var bookmarks = IsTrue(query["allowWatchBookmarks"]);
        long? from = initialEvents ? null : ParseRevision(query["resourceVersion"]);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        if (query["timeoutSeconds"] is [{ Length: > 0 } seconds])
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw ApiError.BadRequest($"timeoutSeconds: {seconds}: not a number")));
        }

        var subscription = store.Watch(path.Resource, from, out var backlog);
        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonIO.JsonType;
        await context.Response.StartAsync(timeout.Token).ConfigureAwait(false);
        // Headers out now: a client waits for them before it makes the changes it means to watch.
        await context.Response.Body.FlushAsync(timeout.Token).ConfigureAwait(false);
        if (subscription is null)
        {
            var status = StatusBody.Failure(410, "Expired", $"too old resource version: {from} ({store.Revision})", null);
            await SendAsync(context, "ERROR", status, timeout.Token).ConfigureAwait(false);
            return;
        }

        using (subscription)
        {
            try
            {
                await StreamAsync(context, path.Resource, subscription, filter, backlog, initialEvents && bookmarks, bookmarks, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // The timeout passed, the client left or the server is stopping: the stream ends cleanly.
            }
        }
    }

    private async Task StreamAsync(HttpContext context, SandboxResource resource, WatchSubscription subscription, ListFilter filter, int backlog, bool markInitialEnd, bool bookmarks, CancellationToken cancellation)
    {
        var reader = subscription.Events;
        if (markInitialEnd && backlog == 0)
        {
            await SendBookmarkAsync(context, resource, store.Revision, initialEventsEnd: true, cancellation).ConfigureAwait(false);
        }

        var nextBookmark = DateTimeOffset.UtcNow + bookmarkInterval;
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (bookmarks)
            {
                wait.CancelAfter(Max(nextBookmark - DateTimeOffset.UtcNow, TimeSpan.Zero));
            }

            bool more;
            try
            {
                more = await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                nextBookmark = DateTimeOffset.UtcNow + bookmarkInterval;
                if (store.ProgressOf(subscription) is { } progress)
                {
                    await SendBookmarkAsync(context, resource, progress, initialEventsEnd: false, cancellation).ConfigureAwait(false);
                }

                continue;
            }

            if (!more)
            {
                return;
            }

            while (reader.TryRead(out var stored))
            {
                if (Filtered(stored, filter) is var (type, obj))
                {
                    await SendAsync(context, type, obj, cancellation).ConfigureAwait(false);
                }

                if (--backlog == 0 && markInitialEnd)
                {
                    await SendBookmarkAsync(context, resource, stored.Revision, initialEventsEnd: true, cancellation).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// The event a filtered watch sends, if any. As kube-apiserver's watch cache does, a change that takes an object
    /// into the selection is ADDED, and one that takes it out is DELETED (its previous state at the new revision).
    /// </summary>
    private static (string Type, JsonObject Object)? Filtered(StoredEvent stored, ListFilter filter)
    {
        var matches = filter.Matches(stored.Object);
        if (stored.Type != StoredEvent.Modified || stored.Previous is null)
        {
            return matches ? (stored.Type, stored.Object) : null;
        }

        var matched = filter.Matches(stored.Previous);
        if (matches)
        {
            return (matched ? StoredEvent.Modified : StoredEvent.Added, stored.Object);
        }

        if (!matched)
        {
            return null;
        }

        var left = (JsonObject)stored.Previous.DeepClone();
        ObjectMeta.SetRevision(left, stored.Revision);
        return (StoredEvent.Deleted, left);
    }

    /// <summary>A BOOKMARK: only the kind and the resourceVersion the watch has seen everything up to.</summary>
    private static Task SendBookmarkAsync(HttpContext context, SandboxResource resource, long revision, bool initialEventsEnd, CancellationToken cancellation)
    {
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        var obj = new JsonObject { ["kind"] = resource.Kind, ["apiVersion"] = resource.ApiVersion, ["metadata"] = metadata };
        return SendAsync(context, "BOOKMARK", obj, cancellation);
    }

    private static async Task SendAsync(HttpContext context, string type, JsonObject obj, CancellationToken cancellation)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString(JsonIO.Output) + "\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellation).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>The revision to resume after; null (start with the current objects) for none or 0, as kube-apiserver reads them.</summary>
    private static long? ParseRevision(string? text) =>
        string.IsNullOrEmpty(text) || text == "0" ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision
        : throw ApiError.BadRequest($"resourceVersion: Invalid value: \"{text}\": must be a number");

    private static bool IsTrue(string? text) => text is "true" or "1";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
