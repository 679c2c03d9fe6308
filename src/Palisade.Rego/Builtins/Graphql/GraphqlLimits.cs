namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Bounds on what the GraphQL builtins accept, so hostile input fails with an error instead of exhausting the stack
/// or memory. OPA has no such limits; real documents stay far below them.
/// </summary>
internal static class GraphqlLimits
{
    /// <summary>The longest document, in UTF-16 units.</summary>
    public const int MaxInputLength = 4 * 1024 * 1024;

    /// <summary>The deepest nesting of selection sets, values, type references or AST objects.</summary>
    public const int MaxDepth = 256;

    public static void CheckLength(string input)
    {
        if (input.Length > MaxInputLength)
        {
            throw new GraphqlSyntaxException($"document is longer than {MaxInputLength} characters", new SourcePosition(1, 1));
        }
    }
}
