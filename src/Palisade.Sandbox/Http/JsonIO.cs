using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Palisade.Sandbox.Http;

/// <summary>Reads request bodies and writes JSON responses.</summary>
internal static class JsonIO
{
    public const string JsonType = "application/json";

    /// <summary>Quotes, apostrophes and non-ASCII text written as they are, as Go's encoder writes them, rather than \u-escaped.</summary>
    public static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<string> ReadTextAsync(HttpContext context)
    {
        // kubectl create sends built-in kinds as protobuf; say so plainly rather than failing to read it as JSON.
        if ((context.Request.ContentType ?? "").StartsWith("application/vnd.kubernetes.protobuf", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiError.UnsupportedProtobuf();
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw ApiError.BadRequest($"the body of the request is not valid JSON: {ex.Message}");
        }
    }

    public static JsonObject ParseObject(string text) =>
        Parse(text) as JsonObject ?? throw ApiError.BadRequest("the body of the request must be a JSON object");

    public static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonType;
        await context.Response.WriteAsync(body.ToJsonString(Output), context.RequestAborted).ConfigureAwait(false);
    }
}
