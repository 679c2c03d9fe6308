using Microsoft.AspNetCore.Http;

namespace Palisade.Sandbox.Http;

/// <summary>The query parameters every write takes: dryRun and fieldManager.</summary>
internal sealed record WriteParameters(bool DryRun, string? ExplicitManager, string Manager)
{
    public static WriteParameters From(HttpRequest request)
    {
        var dryRun = request.Query["dryRun"].ToArray();
        if (dryRun.Any(v => v != "All"))
        {
            throw ApiError.BadRequest($"dryRun: Unsupported value: \"{dryRun.First(v => v != "All")}\": supported values: \"All\"");
        }

        string? manager = request.Query["fieldManager"] is [{ Length: > 0 } given] ? given : null;
        if (manager is { Length: > 128 })
        {
            throw ApiError.BadRequest("fieldManager: Too long: may not be longer than 128");
        }

        return new WriteParameters(dryRun.Length > 0, manager, manager ?? FromUserAgent(request.Headers.UserAgent.ToString()));
    }

    /// <summary>The manager of a write that names none: the User-Agent up to its first '/', as kube-apiserver derives it.</summary>
    private static string FromUserAgent(string userAgent)
    {
        var slash = userAgent.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash >= 0 ? userAgent[..slash] : userAgent;
        return prefix.Length > 128 ? prefix[..128] : prefix;
    }
}
