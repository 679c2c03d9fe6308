namespace Palisade.Rego.Builtins.JsonSchema;

/// <summary>
/// One validation failure as gojsonschema reports it: where (the field path without "(root)."), what kind, and
/// the description OPA shows.
/// </summary>
internal sealed record SchemaError(string Context, string Type, string Description)
{
    public string Field => Context == "(root)" ? Context : Context.StartsWith("(root).", StringComparison.Ordinal) ? Context["(root).".Length..] : Context;

    public override string ToString() => $"{Field}: {Description}";
}
