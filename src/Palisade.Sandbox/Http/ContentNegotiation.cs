using Microsoft.AspNetCore.Http;

namespace Palisade.Sandbox.Http;

/// <summary>
/// The sandbox answers only JSON. A request that accepts JSON among other types (protobuf, Table) gets JSON; one
/// that accepts only other types (the protobuf OpenAPI v2 document) gets 406, so the client knows to do without.
/// </summary>
internal static class ContentNegotiation
{
    public static void RequireJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (accept.Length == 0)
        {
            return;
        }

        var acceptsJson = accept.Split(',').Select(range => range.Split(';')[0].Trim()).Any(type => type is "application/json" or "application/*" or "*/*");
        if (!acceptsJson)
        {
            throw new ApiError(406, "NotAcceptable", $"only the following media types are accepted: application/json (asked for {accept})");
        }
    }
}
