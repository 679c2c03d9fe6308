using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Palisade.Kube.Manifests;

public enum ScalarKind
{
    Null,
    Bool,
    Integer,
    Float,
    String,
}

/// <summary>
/// A scalar with its resolved type (YAML 1.2 core schema) and the text it was written as.
/// Integers are exact at any size; <see cref="Quoted"/> tells whether the author quoted it.
/// </summary>
public sealed class ScalarNode : ManifestNode
{
    private ScalarNode(SourceLocation location, ScalarKind kind, string text, bool quoted, object? value)
        : base(location)
    {
        Kind = kind;
        Text = text;
        Quoted = quoted;
        Value = value;
    }

    public ScalarKind Kind { get; }

    /// <summary>The scalar's text as written (after YAML unescaping).</summary>
    public string Text { get; }

    /// <summary>True when the author wrote the scalar quoted or as a block scalar.</summary>
    public bool Quoted { get; }

    /// <summary>null, bool, BigInteger, double or string, by <see cref="Kind"/>.</summary>
    public object? Value { get; }

    public override string TypeName => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => "boolean",
        ScalarKind.Integer => "integer",
        ScalarKind.Float => "number",
        _ => "string",
    };

    public bool IsNull => Kind == ScalarKind.Null;

    public static ScalarNode Null(SourceLocation location, string text = "null") => new(location, ScalarKind.Null, text, false, null);

    public static ScalarNode Bool(SourceLocation location, bool value, string text) => new(location, ScalarKind.Bool, text, false, value);

    public static ScalarNode Integer(SourceLocation location, BigInteger value, string text) => new(location, ScalarKind.Integer, text, false, value);

    public static ScalarNode Float(SourceLocation location, double value, string text) => new(location, ScalarKind.Float, text, false, value);

    public static ScalarNode String(SourceLocation location, string value, bool quoted) => new(location, ScalarKind.String, value, quoted, value);

    public bool AsBool => (bool)Value!;

    public BigInteger AsInteger => (BigInteger)Value!;

    public double AsDouble => Kind == ScalarKind.Integer ? (double)(BigInteger)Value! : (double)Value!;

    public string AsString => (string)Value!;

    public override JsonNode? ToJson() => Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Bool => JsonValue.Create(AsBool),
        ScalarKind.Integer => AsInteger >= long.MinValue && AsInteger <= long.MaxValue
            ? JsonValue.Create((long)AsInteger)
            : JsonNode.Parse(AsInteger.ToString(CultureInfo.InvariantCulture)),
        ScalarKind.Float => JsonValue.Create(AsDouble),
        _ => JsonValue.Create(AsString),
    };
}
