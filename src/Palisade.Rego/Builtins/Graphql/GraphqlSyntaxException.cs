namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// A GraphQL document could not be parsed or validated. The position is null for documents built from AST objects,
/// whose nodes carry no source location.
/// </summary>
internal sealed class GraphqlSyntaxException(string message, SourcePosition? position) : Exception(message)
{
    public SourcePosition? Position { get; } = position;

    /// <summary>OPA's wording: the message, then where in which input it happened.</summary>
    public string Describe(string input)
    {
        var (line, column) = Position is { } p ? (p.Line, p.Column) : (0, 0);
        return $"{Message} in {input} at location {line}:{column}";
    }
}
