using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.JsonSchema;

/// <summary>
/// A compiled JSON Schema. Keywords of drafts 4, 6 and 7 are all understood at once, as gojsonschema's hybrid mode
/// does (exclusiveMaximum may be a boolean or a number). Validation follows gojsonschema's order of checks, so
/// errors come out in the order OPA reports them.
/// </summary>
internal sealed partial class Schema
{
    private static readonly string[] JsonTypes = ["array", "boolean", "integer", "number", "null", "object", "string"];

    private readonly SchemaCompiler _compiler;
    private readonly JsonElement _element;
    private bool? _boolean;
    private string? _ref;
    private List<string>? _types;
    private JsonElement? _const;
    private List<JsonElement>? _enum;
    private List<Schema>? _allOf, _anyOf, _oneOf;
    private Schema? _not, _if, _then, _else;
    private List<(string Name, Schema? Schema, List<string>? Properties)>? _dependencies;
    private JsonElement? _multipleOf, _maximum, _minimum, _exclusiveMaximum, _exclusiveMinimum;
    private bool _exclusiveMaximumFlag, _exclusiveMinimumFlag;
    private int? _minLength, _maxLength, _minItems, _maxItems, _minProperties, _maxProperties;
    private Regex? _pattern;
    private string? _patternText, _format;
    private Schema? _items;
    private List<Schema>? _itemList;
    private bool? _additionalItemsAllowed;
    private Schema? _additionalItems;
    private bool _uniqueItems;
    private Schema? _contains;
    private List<(string Name, Schema Schema)>? _properties;
    private List<(Regex Pattern, Schema Schema)>? _patternProperties;
    private bool? _additionalPropertiesAllowed;
    private Schema? _additionalProperties;
    private List<string>? _required;
    private Schema? _propertyNames;

    private Schema(SchemaCompiler compiler, JsonElement element)
    {
        _compiler = compiler;
        _element = element;
    }

    /// <summary>Compiles a schema document; an unusable schema fails with gojsonschema's message.</summary>
    public static Schema Compile(JsonElement root) => new SchemaCompiler(root).Root;

    internal static Schema Parse(SchemaCompiler compiler, JsonElement element)
    {
        var schema = new Schema(compiler, element);
        schema.Read();
        return schema;
    }

    private void Read()
    {
        if (_element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            _boolean = _element.ValueKind == JsonValueKind.True;
            return;
        }

        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw new BuiltinException($"Invalid type. Expected: object, given: {TypeOf(_element)}");
        }

        if (_element.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            // Draft 4 to 7: a $ref replaces its siblings.
            _ref = reference.GetString();
            return;
        }

        foreach (var property in _element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "type":
                    _types = [];
                    foreach (var type in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
                    {
                        var name = type.ValueKind == JsonValueKind.String ? type.GetString()! : throw Invalid("type", "string/array of strings");
                        if (!JsonTypes.Contains(name))
                        {
                            throw new BuiltinException($"has a primitive type that is NOT VALID -- given: /{name}/ Expected valid values are:[{string.Join(" ", JsonTypes)}]");
                        }

                        if (_types.Contains(name))
                        {
                            throw new BuiltinException($"{name} type is duplicated");
                        }

                        _types.Add(name);
                    }

                    break;
                case "const":
                    _const = value;
                    break;
                case "enum":
                    _enum = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : throw Invalid("enum", "array");
                    break;
                case "allOf":
                    _allOf = List(property.Name, value);
                    break;
                case "anyOf":
                    _anyOf = List(property.Name, value);
                    break;
                case "oneOf":
                    _oneOf = List(property.Name, value);
                    break;
                case "not":
                    _not = Parse(_compiler, value);
                    break;
                case "if":
                    _if = Parse(_compiler, value);
                    break;
                case "then":
                    _then = Parse(_compiler, value);
                    break;
                case "else":
                    _else = Parse(_compiler, value);
                    break;
                case "dependencies":
                    _dependencies = value.EnumerateObject().Select(d => d.Value.ValueKind == JsonValueKind.Array
                        ? (d.Name, (Schema?)null, d.Value.EnumerateArray().Select(s => s.GetString() ?? "").ToList())
                        : (d.Name, Parse(_compiler, d.Value), (List<string>?)null)).ToList();
                    break;
                case "multipleOf":
                    _multipleOf = Number(property.Name, value);
                    if (Compare(value, 0) <= 0)
                    {
                        throw new BuiltinException("multipleOf must be strictly greater than 0");
                    }

                    break;
                case "maximum":
                    _maximum = Number(property.Name, value);
                    break;
                case "minimum":
                    _minimum = Number(property.Name, value);
                    break;
                case "exclusiveMaximum":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        _exclusiveMaximumFlag = value.GetBoolean();
                    }
                    else
                    {
                        _exclusiveMaximum = Number(property.Name, value);
                    }

                    break;
                case "exclusiveMinimum":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        _exclusiveMinimumFlag = value.GetBoolean();
                    }
                    else
                    {
                        _exclusiveMinimum = Number(property.Name, value);
                    }

                    break;
                case "minLength":
                    _minLength = Count(property.Name, value);
                    break;
                case "maxLength":
                    _maxLength = Count(property.Name, value);
                    break;
                case "pattern":
                    _patternText = value.GetString();
                    _pattern = CompileRegex(_patternText ?? "");
                    break;
                case "format":
                    _format = value.GetString();
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        _itemList = List(property.Name, value);
                    }
                    else
                    {
                        _items = Parse(_compiler, value);
                    }

                    break;
                case "additionalItems":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        _additionalItemsAllowed = value.GetBoolean();
                    }
                    else
                    {
                        _additionalItems = Parse(_compiler, value);
                    }

                    break;
                case "minItems":
                    _minItems = Count(property.Name, value);
                    break;
                case "maxItems":
                    _maxItems = Count(property.Name, value);
                    break;
                case "uniqueItems":
                    _uniqueItems = value.ValueKind == JsonValueKind.True;
                    break;
                case "contains":
                    _contains = Parse(_compiler, value);
                    break;
                case "properties":
                    _properties = value.ValueKind == JsonValueKind.Object
                        ? value.EnumerateObject().Select(p => (p.Name, Parse(_compiler, p.Value))).ToList()
                        : throw Invalid("properties", "object");
                    break;
                case "patternProperties":
                    _patternProperties = value.EnumerateObject().Select(p => (CompileRegex(p.Name), Parse(_compiler, p.Value))).ToList();
                    break;
                case "additionalProperties":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        _additionalPropertiesAllowed = value.GetBoolean();
                    }
                    else
                    {
                        _additionalProperties = Parse(_compiler, value);
                    }

                    break;
                case "required":
                    _required = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(r => r.GetString() ?? "").ToList() : throw Invalid("required", "array");
                    break;
                case "minProperties":
                    _minProperties = Count(property.Name, value);
                    break;
                case "maxProperties":
                    _maxProperties = Count(property.Name, value);
                    break;
                case "propertyNames":
                    _propertyNames = Parse(_compiler, value);
                    break;
                case "definitions":
                    foreach (var definition in value.EnumerateObject())
                    {
                        Parse(_compiler, definition.Value);
                    }

                    break;
            }
        }
    }

    private List<Schema> List(string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(e => Parse(_compiler, e)).ToList() : throw Invalid(keyword, "array");

    private static JsonElement Number(string keyword, JsonElement value) => value.ValueKind == JsonValueKind.Number ? value : throw Invalid(keyword, "number");

    private static int Count(string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0 ? count : throw Invalid(keyword, "integer");

    private static BuiltinException Invalid(string keyword, string expected) => new($"Invalid type. Expected: {expected}, given: {keyword}");

    private static Regex CompileRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            throw new BuiltinException($"Invalid regex pattern '{pattern}'");
        }
    }

    /// <summary>gojsonschema's type names: integral numbers (1.0 too) are integers.</summary>
    public static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => NumberValue.Parse(value.GetRawText()).IsInteger ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static int Compare(JsonElement a, JsonElement b) => NumberValue.Compare(NumberValue.Parse(a.GetRawText()), NumberValue.Parse(b.GetRawText()));

    private static int Compare(JsonElement a, long b) => NumberValue.Compare(NumberValue.Parse(a.GetRawText()), NumberValue.Of(b));

    /// <summary>Numbers as gojsonschema prints them in messages.</summary>
    private static string Text(JsonElement number) => NumberValue.Parse(number.GetRawText()).IsInteger
        ? NumberValue.Parse(number.GetRawText()).AsBigInteger!.Value.ToString(CultureInfo.InvariantCulture)
        : number.GetDouble().ToString("R", CultureInfo.InvariantCulture);

    internal SchemaCompiler Compiler => _compiler;
}
