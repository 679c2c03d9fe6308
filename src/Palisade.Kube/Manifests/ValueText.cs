using System.Globalization;
using System.Text.Json;

namespace Palisade.Kube.Manifests;

/// <summary>Short renderings of values and types for messages: strings quoted, long values cut.</summary>
public static class ValueText
{
    private const int MaxChars = 80;

    /// <summary>A value as the user would recognize it: <c>"Alow"</c>, <c>5</c>, <c>true</c>, <c>{"type":"A"}</c>.</summary>
    public static string Render(ManifestNode? node) => node switch
    {
        null => "null",
        ScalarNode { Kind: ScalarKind.String } s => Quote(s.AsString),
        ScalarNode { Kind: ScalarKind.Integer } s => s.AsInteger.ToString(CultureInfo.InvariantCulture),
        ScalarNode { Kind: ScalarKind.Float } s => s.AsDouble.ToString("R", CultureInfo.InvariantCulture),
        ScalarNode { Kind: ScalarKind.Bool } s => s.AsBool ? "true" : "false",
        ScalarNode => "null",
        _ => Cut(node.ToJson()?.ToJsonString() ?? "null"),
    };

    /// <summary>A value as an item of a list of allowed values: strings bare, others as <see cref="Render"/>.</summary>
    public static string RenderBare(ManifestNode node) => node is ScalarNode { Kind: ScalarKind.String } s ? s.AsString : Render(node);

    /// <summary>The string in double quotes with JSON escapes, cut to a readable length.</summary>
    public static string Quote(string text)
    {
        var cut = text.Length > MaxChars ? text[..(MaxChars - 3)] : text;
        var quoted = JsonSerializer.Serialize(cut, QuoteOptions);
        return text.Length > MaxChars ? quoted[..^1] + "...\"" : quoted;
    }

    /// <summary>The JSON name of a node's type, as OpenAPI schemas name them.</summary>
    public static string JsonType(ManifestNode? node) => node switch
    {
        MappingNode => "object",
        SequenceNode => "array",
        ScalarNode { Kind: ScalarKind.String } => "string",
        ScalarNode { Kind: ScalarKind.Integer } => "integer",
        ScalarNode { Kind: ScalarKind.Float } => "number",
        ScalarNode { Kind: ScalarKind.Bool } => "boolean",
        _ => "null",
    };

    /// <summary>"1 item", "2 items".</summary>
    public static string Count(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Cut(string text) => text.Length > MaxChars ? text[..(MaxChars - 3)] + "..." : text;

    private static readonly JsonSerializerOptions QuoteOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
