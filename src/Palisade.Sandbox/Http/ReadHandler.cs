using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Http;

/// <summary>GET of one object and of lists (in a namespace or across all), with selectors and limit/continue paging.</summary>
internal sealed class ReadHandler(ObjectStore store)
{
    public Task GetAsync(HttpContext context, ApiPath path)
    {
        var obj = store.Get(path.Resource, path.Namespace, path.Name!) ?? throw ApiError.NotFound(path.Resource, path.Name!);
        return JsonIO.WriteAsync(context, 200, obj);
    }

    public Task ListAsync(HttpContext context, ApiPath path)
    {
        var request = context.Request;
        var filter = ListFilter.From(request, path.Namespace);
        var (all, revision) = store.List(path.Resource, path.Namespace);
        IEnumerable<JsonObject> selected = all.Where(filter.Matches);
        if (request.Query["continue"] is [{ Length: > 0 } token])
        {
            var start = ContinueToken.StartAfter(token);
            selected = selected.Where(o => string.CompareOrdinal(Key(o), start) > 0);
        }

        var remaining = selected.ToList();
        var limit = ParseLimit(request.Query["limit"]);
        var page = limit > 0 ? remaining.Take(limit).ToList() : remaining;
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (page.Count < remaining.Count)
        {
            metadata["continue"] = ContinueToken.Create(Key(page[^1]), revision);
            metadata["remainingItemCount"] = remaining.Count - page.Count;
        }

        var list = new JsonObject
        {
            ["kind"] = path.Resource.Kind + "List",
            ["apiVersion"] = path.Resource.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page]),
        };
        return JsonIO.WriteAsync(context, 200, list);
    }

    private static string Key(JsonObject obj) => ObjectMeta.Key(ObjectMeta.Namespace(obj), ObjectMeta.Name(obj));

    private static int ParseLimit(string? text) =>
        string.IsNullOrEmpty(text) ? 0
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit
        : throw ApiError.BadRequest($"limit: {text}: not a number");
}
