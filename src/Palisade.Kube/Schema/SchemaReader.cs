using System.Globalization;
using Palisade.Kube.Manifests;
using Palisade.Kube.Schema.Cel;

namespace Palisade.Kube.Schema;

/// <summary>
/// Reads an <c>openAPIV3Schema</c> into <see cref="StructuralSchema"/> nodes. What it cannot use is reported, never
/// dropped: a keyword it does not know, a pattern that does not compile, a rule it cannot parse.
/// </summary>
internal sealed class SchemaReader
{
    private const int MaxDepth = 64;

    // Keywords that only document a schema or steer server-side apply; they do not constrain values.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "description", "title", "example", "externalDocs", "x-kubernetes-map-type", "$schema", "id",
    };

    private readonly List<Diagnostic> _problems;

    private SchemaReader(List<Diagnostic> problems) => _problems = problems;

    /// <summary>The schema; problems found in it are added to <paramref name="problems"/>, each prefixed with its path.</summary>
    public static StructuralSchema Read(MappingNode node, FieldPath path, List<Diagnostic> problems) =>
        new SchemaReader(problems).ReadSchema(node, path, depth: 0);

    private StructuralSchema ReadSchema(MappingNode node, FieldPath path, int depth)
    {
        var schema = new StructuralSchema { Location = node.Location };
        if (depth > MaxDepth)
        {
            Problem(node.Location, path, $"schema nested deeper than {MaxDepth} levels");
            return schema;
        }

        foreach (var entry in node.Entries)
        {
            schema = ReadKeyword(schema, entry, path.Child(entry.Key), depth);
        }

        return schema;
    }

    private StructuralSchema ReadKeyword(StructuralSchema s, MappingEntry entry, FieldPath path, int depth)
    {
        var value = entry.Value;
        switch (entry.Key)
        {
            case "type":
                var type = String(value, path);
                if (type is not (null or "object" or "array" or "string" or "integer" or "number" or "boolean"))
                {
                    Problem(value.Location, path, $"unknown type \"{type}\"");
                    return s;
                }

                return s with { Type = type };
            case "format": return s with { Format = String(value, path) };
            case "properties": return s with { Properties = Properties(value, path, depth) };
            case "additionalProperties" when value is ScalarNode { Kind: ScalarKind.Bool } allowed:
                return s with { AdditionalPropertiesAllowed = allowed.AsBool };
            case "additionalProperties": return s with { AdditionalProperties = Child(value, path, depth) };
            case "required": return s with { Required = Strings(value, path) };
            case "items": return s with { Items = Child(value, path, depth) };
            case "enum": return s with { Enum = value is SequenceNode list ? list.Items : Expected(value, path, "array", (IReadOnlyList<ManifestNode>?)null) };
            case "pattern": return ReadPattern(s, value, path);
            case "minimum": return s with { Minimum = Number(value, path) };
            case "maximum": return s with { Maximum = Number(value, path) };
            case "multipleOf": return s with { MultipleOf = Number(value, path) };
            case "exclusiveMinimum": return s with { ExclusiveMinimum = Bool(value, path) };
            case "exclusiveMaximum": return s with { ExclusiveMaximum = Bool(value, path) };
            case "minLength": return s with { MinLength = Count(value, path) };
            case "maxLength": return s with { MaxLength = Count(value, path) };
            case "minItems": return s with { MinItems = Count(value, path) };
            case "maxItems": return s with { MaxItems = Count(value, path) };
            case "uniqueItems": return s with { UniqueItems = Bool(value, path) };
            case "minProperties": return s with { MinProperties = Count(value, path) };
            case "maxProperties": return s with { MaxProperties = Count(value, path) };
            case "allOf": return s with { AllOf = Children(value, path, depth) };
            case "anyOf": return s with { AnyOf = Children(value, path, depth) };
            case "oneOf": return s with { OneOf = Children(value, path, depth) };
            case "not": return s with { Not = Child(value, path, depth) };
            case "nullable": return s with { Nullable = Bool(value, path) };
            case "default": return s with { Default = value };
            case "x-kubernetes-int-or-string": return s with { IntOrString = Bool(value, path) };
            case "x-kubernetes-preserve-unknown-fields": return s with { PreserveUnknownFields = Bool(value, path) };
            case "x-kubernetes-embedded-resource": return s with { EmbeddedResource = Bool(value, path) };
            case "x-kubernetes-list-type":
                var listType = String(value, path);
                if (listType is not (null or "atomic" or "set" or "map"))
                {
                    Problem(value.Location, path, $"unknown list type \"{listType}\"");
                    return s;
                }

                return s with { ListType = listType };
            case "x-kubernetes-list-map-keys": return s with { ListMapKeys = Strings(value, path) };
            case "x-kubernetes-validations": return s with { Rules = Rules(value, path) };
            case var key when Ignored.Contains(key):
                return s;
            default:
                Problem(entry.KeyLocation, path, "unsupported schema keyword; values under it are not checked by it");
                return s;
        }
    }

    private StructuralSchema ReadPattern(StructuralSchema s, ManifestNode value, FieldPath path)
    {
        var text = String(value, path);
        if (text is null)
        {
            return s;
        }

        try
        {
            return s with { PatternText = text, Pattern = Re2Pattern.Compile(text) };
        }
        catch (ArgumentException ex)
        {
            Problem(value.Location, path, $"pattern {text} cannot be compiled: {ex.Message}");
            return s with { PatternText = text, PatternError = ex.Message };
        }
    }

    private Dictionary<string, StructuralSchema> Properties(ManifestNode value, FieldPath path, int depth)
    {
        var properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal);
        if (value is not MappingNode mapping)
        {
            return Expected(value, path, "object", properties);
        }

        foreach (var entry in mapping.Entries)
        {
            if (Child(entry.Value, path.Child(entry.Key), depth) is { } child)
            {
                properties[entry.Key] = child;
            }
        }

        return properties;
    }

    private StructuralSchema? Child(ManifestNode value, FieldPath path, int depth) =>
        value is MappingNode mapping ? ReadSchema(mapping, path, depth + 1) : Expected(value, path, "object", (StructuralSchema?)null);

    private List<StructuralSchema> Children(ManifestNode value, FieldPath path, int depth)
    {
        var children = new List<StructuralSchema>();
        if (value is not SequenceNode list)
        {
            return Expected(value, path, "array", children);
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (Child(list.Items[i], path.Index(i), depth) is { } child)
            {
                children.Add(child);
            }
        }

        return children;
    }

    private List<ValidationRule> Rules(ManifestNode value, FieldPath path)
    {
        var rules = new List<ValidationRule>();
        if (value is not SequenceNode list)
        {
            return Expected(value, path, "array", rules);
        }

        for (var i = 0; i < list.Count; i++)
        {
            var rulePath = path.Index(i);
            if (list.Items[i] is not MappingNode item)
            {
                Expected(list.Items[i], rulePath, "object", 0);
                continue;
            }

            if (item["rule"] is not ScalarNode { Kind: ScalarKind.String } rule)
            {
                Problem(item.Location, rulePath, "a validation rule needs a \"rule\" string");
                continue;
            }

            var (program, error) = Compile(rule.AsString);
            if (error is not null)
            {
                Problem(rule.Location, rulePath.Child("rule"), $"cannot check rule \"{rule.AsString}\": {error}");
            }

            var messageExpression = item["messageExpression"] is { } me ? String(me, rulePath.Child("messageExpression")) : null;
            var (messageProgram, messageError) = messageExpression is null ? (null, null) : Compile(messageExpression);
            if (messageError is not null)
            {
                Problem(item["messageExpression"]!.Location, rulePath.Child("messageExpression"), $"cannot read \"{messageExpression}\": {messageError}");
            }

            rules.Add(new ValidationRule(
                rule.AsString,
                item["message"] is { } m ? String(m, rulePath.Child("message")) : null,
                messageExpression,
                item["fieldPath"] is { } fp ? String(fp, rulePath.Child("fieldPath")) : null,
                rule.Location,
                program,
                messageProgram,
                error));
        }

        return rules;
    }

    private static (CelProgram? Program, string? Error) Compile(string source)
    {
        try
        {
            return (CelProgram.Compile(source), null);
        }
        catch (CelSyntaxException ex)
        {
            return (null, $"{ex.Message} (at character {(ex.Position + 1).ToString(CultureInfo.InvariantCulture)})");
        }
    }

    private string? String(ManifestNode value, FieldPath path) =>
        value is ScalarNode { Kind: ScalarKind.String } s ? s.AsString : Expected(value, path, "string", (string?)null);

    private bool Bool(ManifestNode value, FieldPath path) =>
        value is ScalarNode { Kind: ScalarKind.Bool } b ? b.AsBool : Expected(value, path, "boolean", false);

    private ScalarNode? Number(ManifestNode value, FieldPath path) =>
        value is ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } n ? n : Expected(value, path, "number", (ScalarNode?)null);

    private long? Count(ManifestNode value, FieldPath path) =>
        value is ScalarNode { Kind: ScalarKind.Integer } n && n.AsInteger >= 0 && n.AsInteger <= long.MaxValue
            ? (long)n.AsInteger
            : Expected(value, path, "non-negative integer", (long?)null);

    private List<string> Strings(ManifestNode value, FieldPath path)
    {
        var strings = new List<string>();
        if (value is not SequenceNode list)
        {
            return Expected(value, path, "array", strings);
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (String(list.Items[i], path.Index(i)) is { } text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }

    private T Expected<T>(ManifestNode value, FieldPath path, string what, T fallback)
    {
        Problem(value.Location, path, $"expected {what}, got {ValueText.JsonType(value)}");
        return fallback;
    }

    private void Problem(SourceLocation location, FieldPath path, string message) =>
        _problems.Add(new Diagnostic(location, path.Prefix(message)));
}
