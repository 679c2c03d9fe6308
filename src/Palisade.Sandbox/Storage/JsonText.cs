using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Storage;

/// <summary>Reads JSON values without throwing on a value of the wrong type, which is the client's mistake, not the server's.</summary>
internal static class JsonText
{
    public static string? Of(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static long? Long(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
}
