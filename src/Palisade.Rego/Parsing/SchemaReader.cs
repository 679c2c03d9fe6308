using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Parsing;

/// <summary>
/// One <c>schemas</c> entry, <c>{document ref: schema ref or inline definition}</c>, with OPA's errors. Refs become
/// OPA's array form: every element a string, variables by name.
/// </summary>
internal static class SchemaReader
{
    private const string SchemaRoot = "schema";

    public static (SchemaAnnotation? Schema, string? Error) Read(Value entry)
    {
        var (key, value) = entry is ObjectValue { Count: > 0 } map ? (map.Keys[0], map.Values[0]) : (StringValue.Empty, NullValue.Instance);
        var text = key is StringValue s ? s.Value : string.Empty;
        var path = ParseRef(text);
        if (path is null)
        {
            return (null, "invalid document reference");
        }

        switch (value)
        {
            case StringValue reference:
                var schema = ParseRef(reference.Value);
                return schema is { Length: > 0 } && schema[0] is StringValue { Value: SchemaRoot }
                    ? (new SchemaAnnotation(path, schema, null), null)
                    : (null, "invalid schema reference");
            case ObjectValue definition:
                return (new SchemaAnnotation(path, null, definition), null);
            default:
                return (null, $"invalid schema declaration for path {GoQuote.Quote(text)}");
        }
    }

    /// <summary>A ref (or a lone variable) as OPA's array form, or null when the text is not one.</summary>
    private static Value[]? ParseRef(string text)
    {
        Body body;
        try
        {
            body = RegoParser.ParseQuery(text);
        }
        catch (RegoParseException)
        {
            return null;
        }

        if (body.Count != 1 || body[0].Negated || body[0].With.Count > 0)
        {
            return null;
        }

        return body[0].Content switch
        {
            VarTerm v => [StringValue.Of(v.Name)],
            RefTerm { Head: VarTerm head } r => [StringValue.Of(head.Name), .. r.Path.Select(Element)],
            _ => null,
        };
    }

    private static Value Element(Term term) => term switch
    {
        ScalarTerm { Value: StringValue s } => s,
        ScalarTerm scalar => StringValue.Of(scalar.Value.ToString()),
        VarTerm v => StringValue.Of(v.Name),
        _ => StringValue.Of(RegoPrinter.Print(term)),
    };
}
