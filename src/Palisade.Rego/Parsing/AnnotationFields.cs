using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Parsing;

/// <summary>
/// The annotation fields OPA checks beyond their YAML shape, read from the block's decoded YAML value: related
/// resources, schemas, authors and the custom map. The first invalid entry is the block's error, worded as OPA words it.
/// </summary>
internal static class AnnotationFields
{
    public static (Annotations? Annotations, string? Error) Complete(Annotations annotations, ObjectValue fields)
    {
        var resources = new List<RelatedResource>();
        foreach (var item in Items(fields, "related_resources"))
        {
            var (resource, error) = RelatedResourceOf(item);
            if (error is not null)
            {
                return (null, $"invalid related-resource definition {GoFormat.Verb(item)}: {error}");
            }

            resources.Add(resource!);
        }

        var schemas = new List<SchemaAnnotation>();
        foreach (var item in Items(fields, "schemas"))
        {
            var (schema, error) = SchemaReader.Read(item);
            if (error is not null)
            {
                return (null, error);
            }

            schemas.Add(schema!);
        }

        var authors = new List<AnnotationAuthor>();
        foreach (var item in Items(fields, "authors"))
        {
            var (author, error) = AuthorOf(item);
            if (error is not null)
            {
                return (null, $"invalid author definition {GoFormat.Verb(item)}: {error}");
            }

            authors.Add(author!);
        }

        var custom = fields.TryGetValue("custom", out var c) ? c as ObjectValue : null;
        return (annotations with { RelatedResources = resources, Schemas = schemas, Authors = authors, Custom = custom }, null);
    }

    private static ReadOnlySpan<Value> Items(ObjectValue fields, string key) =>
        fields.TryGetValue(key, out var value) && value is ArrayValue array ? array.Items : [];

    private static (RelatedResource?, string?) RelatedResourceOf(Value item)
    {
        switch (item)
        {
            case StringValue { Value: var text }:
                return text.Length > 0 ? (new RelatedResource(text, string.Empty), null) : (null, "ref URL may not be empty string");
            case ObjectValue map:
                var reference = StringField(map, "ref").Trim();
                return reference.Length > 0
                    ? (new RelatedResource(reference, StringField(map, "description").Trim()), null)
                    : (null, "'ref' value required in object");
            default:
                return (null, "invalid value type, must be string or map");
        }
    }

    private static (AnnotationAuthor?, string?) AuthorOf(Value item)
    {
        switch (item)
        {
            case StringValue { Value: var text }:
                return AuthorFromText(text);
            case ObjectValue map:
                var name = StringField(map, "name").Trim();
                var email = StringField(map, "email").Trim();
                return name.Length > 0 || email.Length > 0
                    ? (new AnnotationAuthor(name, email), null)
                    : (null, "'name' and/or 'email' values required in object");
            default:
                return (null, "invalid value type, must be string or map");
        }
    }

    /// <summary>"Jane Doe &lt;jane@example.com&gt;": a last word in angle brackets is the email, the words before it the name.</summary>
    private static (AnnotationAuthor?, string?) AuthorFromText(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return (null, "author is an empty string");
        }

        var last = words[^1];
        var hasEmail = last.Length >= 2 && last.StartsWith('<') && last.EndsWith('>');
        var email = hasEmail ? last[1..^1] : string.Empty;
        var name = string.Join(' ', hasEmail ? words[..^1] : words);
        return (new AnnotationAuthor(name, email), null);
    }

    private static string StringField(ObjectValue map, string key) =>
        map.TryGetValue(key, out var value) && value is StringValue s ? s.Value : string.Empty;
}
