namespace Palisade.Rego.Builtins.Strings;

/// <summary>The strings family: search, trim, transform, sprintf and render_template.</summary>
internal static class StringFamily
{
    public static IEnumerable<BuiltinFunction> Functions() =>
        SearchBuiltins.Functions()
            .Concat(TrimBuiltins.Functions())
            .Concat(TransformBuiltins.Functions())
            .Concat(SprintfBuiltin.Functions())
            .Concat(TemplateBuiltin.Functions());
}
