using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Http;

/// <summary>
/// The continue token of a paged list: the key of the last object returned, after which the next page starts.
/// Unlike etcd-backed servers, later pages show the objects as they are when asked for, not as of the first page.
/// </summary>
internal static class ContinueToken
{
    public static string Create(string lastKey, long revision) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject { ["rv"] = revision, ["start"] = lastKey }.ToJsonString()));

    public static string StartAfter(string token)
    {
        try
        {
            var decoded = JsonNode.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)));
            return JsonText.Of(decoded?["start"]) ?? throw ApiError.BadRequest("continue key is not valid");
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw ApiError.BadRequest($"continue key is not valid: {ex.Message}");
        }
    }
}
