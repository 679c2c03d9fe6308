namespace Palisade.Rego.Builtins.Graphql;

/// <summary>gqlparser's value kinds; the number is what the AST shows as <c>Kind</c>.</summary>
internal enum GraphqlValueKind
{
    Variable = 0,
    Int = 1,
    Float = 2,
    String = 3,
    Block = 4,
    Boolean = 5,
    Null = 6,
    Enum = 7,
    List = 8,
    Object = 9,
}

/// <summary>A literal or variable. Scalars keep their text in <see cref="Raw"/>; lists and objects have children.</summary>
internal sealed class GraphqlValue
{
    public GraphqlValueKind Kind { get; set; }

    public string Raw { get; set; } = "";

    /// <summary>List items (with empty names) or object fields.</summary>
    public List<GraphqlChildValue> Children { get; } = [];

    public SourcePosition? Position { get; set; }
}

internal sealed record GraphqlChildValue(string Name, GraphqlValue Value);

/// <summary>A type reference: a named type, or a list of <see cref="Elem"/>; either may be non-null.</summary>
internal sealed class GraphqlType
{
    public string NamedType { get; set; } = "";

    public GraphqlType? Elem { get; set; }

    public bool NonNull { get; set; }

    public SourcePosition? Position { get; set; }

    /// <summary>The innermost named type.</summary>
    public string Name => Elem?.Name ?? NamedType;

    /// <summary>The type as GraphQL writes it: <c>[Int!]!</c>.</summary>
    public override string ToString() => (Elem is null ? NamedType : $"[{Elem}]") + (NonNull ? "!" : "");
}

internal sealed class GraphqlArgument
{
    public string Name { get; set; } = "";

    public GraphqlValue Value { get; set; } = new();

    public SourcePosition? Position { get; set; }
}

internal sealed class GraphqlDirective
{
    public string Name { get; set; } = "";

    public List<GraphqlArgument> Arguments { get; } = [];

    public SourcePosition? Position { get; set; }
}
