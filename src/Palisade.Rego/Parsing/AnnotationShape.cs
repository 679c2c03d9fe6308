using Palisade.Rego.Builtins.Encodings;
using Palisade.Rego.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Palisade.Rego.Parsing;

/// <summary>
/// The block's YAML decoded into the shape OPA declares for it (its rawAnnotation struct): string fields take the
/// scalar's text as written, and a node of the wrong kind is a go-yaml "cannot unmarshal" error. Unknown keys are
/// ignored, as go-yaml ignores them.
/// </summary>
internal sealed class AnnotationShape
{
    private const string StringType = "string";

    public string Scope { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public bool Entrypoint { get; private set; }

    public IReadOnlyList<string> Organizations { get; private set; } = [];

    /// <summary>go-yaml's type errors, each "line N: cannot unmarshal …", in document order.</summary>
    public List<string> Errors { get; } = [];

    public static AnnotationShape Read(YamlNode? root)
    {
        var shape = new AnnotationShape();
        switch (root)
        {
            case null:
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    shape.ReadField(key is YamlScalarNode k ? k.Value ?? string.Empty : string.Empty, value);
                }

                break;
            case var other when !IsNull(other):
                shape.Mismatch(other, "ast.rawAnnotation");
                break;
        }

        return shape;
    }

    private void ReadField(string key, YamlNode value)
    {
        switch (key)
        {
            case "scope":
                Scope = Text(value);
                break;
            case "title":
                Title = Text(value);
                break;
            case "description":
                Description = Text(value);
                break;
            case "entrypoint":
                Entrypoint = Flag(value);
                break;
            case "organizations":
                Organizations = Strings(value);
                break;
            case "related_resources" or "authors":
                Sequence(value, "[]interface {}", _ => { });
                break;
            case "schemas":
                Sequence(value, "[]map[string]interface {}", item =>
                {
                    if (item is not YamlMappingNode && !IsNull(item))
                    {
                        Mismatch(item, "map[string]interface {}");
                    }
                });
                break;
            case "custom":
                if (value is not YamlMappingNode && !IsNull(value))
                {
                    Mismatch(value, "map[string]interface {}");
                }

                break;
        }
    }

    private string Text(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return IsNull(scalar) ? string.Empty : scalar.Value ?? string.Empty;
        }

        Mismatch(node, StringType);
        return string.Empty;
    }

    private bool Flag(YamlNode node)
    {
        if (node is YamlScalarNode scalar && Resolve(scalar) is var value && value is BooleanValue or NullValue)
        {
            return value is BooleanValue { Value: true };
        }

        Mismatch(node, "bool");
        return false;
    }

    private string[] Strings(YamlNode node)
    {
        var items = new List<string>();
        Sequence(node, "[]string", item => items.Add(Text(item)));
        return [.. items];
    }

    private void Sequence(YamlNode node, string goType, Action<YamlNode> readItem)
    {
        if (node is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                readItem(item);
            }
        }
        else if (!IsNull(node))
        {
            Mismatch(node, goType);
        }
    }

    /// <summary>go-yaml's message: the node's tag, a scalar's text (cut to 7 characters and "..." past 10), the Go type.</summary>
    private void Mismatch(YamlNode node, string goType)
    {
        var described = node switch
        {
            YamlScalarNode scalar => $"{Tag(scalar)} `{Short(scalar.Value ?? string.Empty)}`",
            YamlSequenceNode => "!!seq",
            _ => "!!map",
        };
        Errors.Add($"line {node.Start.Line}: cannot unmarshal {described} into {goType}");
    }

    private static string Short(string text) => text.Length > 10 ? text[..7] + "..." : text;

    private static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && Resolve(scalar) is NullValue;

    private static Value Resolve(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty
            ? GoYamlReader.ResolvePlain(scalar.Value ?? string.Empty)
            : StringValue.Of(scalar.Value ?? string.Empty);

    private static string Tag(YamlScalarNode scalar) => Resolve(scalar) switch
    {
        NullValue => "!!null",
        BooleanValue => "!!bool",
        NumberValue { IsInteger: true } => "!!int",
        NumberValue => "!!float",
        _ => "!!str",
    };
}
