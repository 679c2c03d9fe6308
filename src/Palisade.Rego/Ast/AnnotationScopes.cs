namespace Palisade.Rego.Ast;

/// <summary>The annotation scopes OPA knows.</summary>
public static class AnnotationScopes
{
    public const string Rule = "rule";
    public const string Document = "document";
    public const string Package = "package";
    public const string Subpackages = "subpackages";
}
