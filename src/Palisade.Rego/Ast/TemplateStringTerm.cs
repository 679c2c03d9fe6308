namespace Palisade.Rego.Ast;

/// <summary>
/// An OPA 1.x template string, <c>$"a {x} b"</c> or the multi-line form <c>$`…`</c>: literal text
/// interleaved with embedded expressions.
/// </summary>
public sealed record TemplateStringTerm(IReadOnlyList<TemplatePart> Parts, bool MultiLine, Location Location) : Term(Location);

/// <summary>One piece of a template string: literal text (already unescaped) or an expression.</summary>
public sealed record TemplatePart(string? Text, Expr? Expression)
{
    public static TemplatePart Literal(string text) => new(text, null);

    public static TemplatePart Embedded(Expr expression) => new(null, expression);
}
