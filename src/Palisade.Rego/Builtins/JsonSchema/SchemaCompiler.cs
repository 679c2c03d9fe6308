using System.Text.Json;

namespace Palisade.Rego.Builtins.JsonSchema;

/// <summary>Compiles a schema document and resolves its "$ref"s, which may point anywhere within it ("#", "#/definitions/x").</summary>
internal sealed class SchemaCompiler
{
    private readonly JsonElement _root;
    private readonly Dictionary<string, Schema> _references = new(StringComparer.Ordinal);

    public SchemaCompiler(JsonElement root)
    {
        _root = root;
        Root = Schema.Parse(this, root);
        _references["#"] = Root;
        CheckReferences(root);
    }

    public Schema Root { get; }

    /// <summary>The schema a "$ref" names; references outside the document are not fetched.</summary>
    public Schema Resolve(string reference)
    {
        if (_references.TryGetValue(reference, out var schema))
        {
            return schema;
        }

        if (!reference.StartsWith('#'))
        {
            throw new BuiltinException($"References to other documents are not supported: {reference}");
        }

        var element = _root;
        foreach (var rawPart in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = Uri.UnescapeDataString(rawPart).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(part, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, out var index) && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                throw new BuiltinException($"Object has no key '{part}'");
            }
        }

        // Parsing does not follow references (validation does, lazily), so recursive definitions terminate.
        schema = Schema.Parse(this, element);
        _references[reference] = schema;
        return schema;
    }

    /// <summary>Every "$ref" must resolve when the schema is compiled, as gojsonschema checks.</summary>
    private void CheckReferences(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        Resolve(property.Value.GetString()!);
                    }
                    else if (property.Name is not ("enum" or "const"))
                    {
                        CheckReferences(property.Value);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CheckReferences(item);
                }

                break;
        }
    }
}
