using Palisade.Rego.Values;

namespace Palisade.Rego.Ast;

/// <summary>
/// One <c># METADATA</c> block: YAML in the comment lines after <c># METADATA</c>, attached to the package or rule that
/// follows it. <see cref="Location"/> is that of the <c># METADATA</c> line. The scope is always set: a block without
/// one takes <c>package</c> before a package and <c>rule</c> (or <c>document</c>, for an entrypoint) before a rule.
/// </summary>
public sealed record Annotations(string Scope, Location Location)
{
    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public bool Entrypoint { get; init; }

    public IReadOnlyList<string> Organizations { get; init; } = [];

    public IReadOnlyList<RelatedResource> RelatedResources { get; init; } = [];

    public IReadOnlyList<AnnotationAuthor> Authors { get; init; } = [];

    public IReadOnlyList<SchemaAnnotation> Schemas { get; init; } = [];

    /// <summary>The <c>custom</c> map as YAML gave it, or null when there was none.</summary>
    public ObjectValue? Custom { get; init; }

    /// <summary>
    /// The annotations as <c>rego.metadata.rule()</c> returns them (OPA's object form): empty fields are left out,
    /// the location is not included.
    /// </summary>
    public ObjectValue ToValue()
    {
        var fields = new List<(string, Value)>();
        if (Scope.Length > 0)
        {
            fields.Add(("scope", StringValue.Of(Scope)));
        }

        if (Title.Length > 0)
        {
            fields.Add(("title", StringValue.Of(Title)));
        }

        if (Entrypoint)
        {
            fields.Add(("entrypoint", BooleanValue.True));
        }

        if (Description.Length > 0)
        {
            fields.Add(("description", StringValue.Of(Description)));
        }

        if (Organizations.Count > 0)
        {
            fields.Add(("organizations", ArrayValue.Of(Organizations.Select(o => (Value)StringValue.Of(o)))));
        }

        if (RelatedResources.Count > 0)
        {
            fields.Add(("related_resources", ArrayValue.Of(RelatedResources.Select(r => (Value)r.ToValue()))));
        }

        if (Authors.Count > 0)
        {
            fields.Add(("authors", ArrayValue.Of(Authors.Select(a => (Value)a.ToValue()))));
        }

        if (Schemas.Count > 0)
        {
            fields.Add(("schemas", ArrayValue.Of(Schemas.Select(s => (Value)s.ToValue()))));
        }

        if (Custom is { Count: > 0 })
        {
            fields.Add(("custom", Custom));
        }

        return ObjectValue.Of([.. fields]);
    }
}
