using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Http;

/// <summary>
/// The request handler of the sandbox: checks the bearer token, routes discovery, OpenAPI, health and resource
/// requests, and answers every refusal with a metav1.Status.
/// </summary>
internal sealed class SandboxApi
{
    private readonly ResourceCatalog catalog;
    private readonly byte[] token;
    private readonly Func<string> serverAddress;
    private readonly ReadHandler reads;
    private readonly WatchHandler watches;
    private readonly WriteHandler writes;
    private readonly PatchHandler patches;

    public SandboxApi(ResourceCatalog catalog, ObjectStore store, WritePipeline pipeline, string token, TimeSpan bookmarkInterval, Func<string> serverAddress, CancellationToken stopping)
    {
        this.catalog = catalog;
        this.token = Encoding.UTF8.GetBytes(token);
        this.serverAddress = serverAddress;
        reads = new ReadHandler(store);
        watches = new WatchHandler(store, bookmarkInterval, stopping);
        writes = new WriteHandler(store, pipeline, TimeProvider.System);
        patches = new PatchHandler(store, pipeline, TimeProvider.System);
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (!Authorized(context.Request))
            {
                throw new ApiError(401, "Unauthorized", "Unauthorized");
            }

            if (!IsHealthCheck(context.Request))
            {
                ContentNegotiation.RequireJson(context.Request);
            }

            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (ApiError ex) when (!context.Response.HasStarted)
        {
            await JsonIO.WriteAsync(context, ex.Code, ex.ToStatus()).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            // A bug of the sandbox, reported as kube-apiserver reports its own: 500 InternalError with the cause.
            var status = StatusBody.Failure(500, "InternalError", $"Internal error occurred: {ex.GetType().Name}: {ex.Message}", new System.Text.Json.Nodes.JsonObject
            {
                ["causes"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["message"] = ex.ToString() }),
            });
            await JsonIO.WriteAsync(context, 500, status).ConfigureAwait(false);
        }
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), token);
    }

    private static bool IsHealthCheck(HttpRequest request) =>
        request.Path.StartsWithSegments("/healthz") || request.Path.StartsWithSegments("/readyz") || request.Path.StartsWithSegments("/livez");

    private Task RouteAsync(HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "/").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = context.Request.Method;
        switch (parts)
        {
            case ["healthz" or "readyz" or "livez", ..]:
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("ok", context.RequestAborted);
            case ["version"]:
                return Discovery(context, DiscoveryDocuments.Version());
            case ["openapi", "v2"]:
                return Discovery(context, OpenApiDocuments.V2());
            case ["openapi", "v3"]:
                return Discovery(context, OpenApiDocuments.V3Index(catalog));
            case ["openapi", "v3", "api", var version] when catalog.Serves("", version):
                return Discovery(context, OpenApiDocuments.V3(catalog, "", version));
            case ["openapi", "v3", "apis", var group, var version] when catalog.Serves(group, version):
                return Discovery(context, OpenApiDocuments.V3(catalog, group, version));
            case ["api"] when method == HttpMethods.Get && AggregatedDiscovery.IsAccepted(context.Request):
                return AggregatedDiscovery.WriteAsync(context, AggregatedDiscovery.Document(catalog, core: true));
            case ["apis"] when method == HttpMethods.Get && AggregatedDiscovery.IsAccepted(context.Request):
                return AggregatedDiscovery.WriteAsync(context, AggregatedDiscovery.Document(catalog, core: false));
            case ["api"]:
                return Discovery(context, DiscoveryDocuments.CoreVersions(serverAddress()));
            case ["apis"]:
                return Discovery(context, DiscoveryDocuments.GroupList(catalog));
            case ["api", var version]:
                return catalog.Serves("", version) ? Discovery(context, DiscoveryDocuments.ResourceList(catalog, "", version)) : throw ApiError.NoSuchPath();
            case ["apis", var group]:
                return catalog.Groups.FirstOrDefault(g => g.Group == group) is { Group: not null } found
                    ? Discovery(context, DiscoveryDocuments.Group(found.Group, found.Versions))
                    : throw ApiError.NoSuchPath();
            case ["apis", var group, var version]:
                return catalog.Serves(group, version) ? Discovery(context, DiscoveryDocuments.ResourceList(catalog, group, version)) : throw ApiError.NoSuchPath();
            case ["api", var version, .. var rest]:
                return Resource(context, method, ApiPath.Parse(catalog, "", version, rest));
            case ["apis", var group, var version, .. var rest]:
                return Resource(context, method, ApiPath.Parse(catalog, group, version, rest));
            default:
                throw ApiError.NoSuchPath();
        }
    }

    private static Task Discovery(HttpContext context, System.Text.Json.Nodes.JsonObject document) =>
        context.Request.Method == HttpMethods.Get ? JsonIO.WriteAsync(context, 200, document) : throw ApiError.MethodNotAllowed(context.Request.Method);

    private Task Resource(HttpContext context, string method, ApiPath? path)
    {
        // Subresources (status, scale, finalize) are not served.
        if (path is null || path.Subresource is not null)
        {
            throw ApiError.NoSuchPath();
        }

        if (path.Name is null)
        {
            return method switch
            {
                "GET" when context.Request.Query["watch"] is ["true" or "1"] => watches.WatchAsync(context, path),
                "GET" => reads.ListAsync(context, path),
                "POST" => writes.CreateAsync(context, path),
                "DELETE" => writes.DeleteCollectionAsync(context, path),
                _ => throw ApiError.MethodNotAllowed(method),
            };
        }

        return method switch
        {
            "GET" => reads.GetAsync(context, path),
            "PUT" => writes.ReplaceAsync(context, path),
            "PATCH" => patches.PatchAsync(context, path),
            "DELETE" => writes.DeleteAsync(context, path),
            _ => throw ApiError.MethodNotAllowed(method),
        };
    }
}
