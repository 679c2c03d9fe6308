namespace Palisade.Rego.Builtins.Graphql;

/// <summary>A loaded schema: every named type (extensions merged in), the directives and the root operation types.</summary>
internal sealed class GraphqlSchema
{
    public Dictionary<string, GraphqlDefinition> Types { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, GraphqlDirectiveDefinition> Directives { get; } = new(StringComparer.Ordinal);

    /// <summary>For each interface or union, the types that may stand for it.</summary>
    public Dictionary<string, List<GraphqlDefinition>> PossibleTypes { get; } = new(StringComparer.Ordinal);

    public GraphqlDefinition? Query { get; set; }

    public GraphqlDefinition? Mutation { get; set; }

    public GraphqlDefinition? Subscription { get; set; }

    public GraphqlDefinition? Type(string name) => Types.GetValueOrDefault(name);

    public GraphqlDefinition? Root(string operation) => operation switch
    {
        "query" => Query,
        "mutation" => Mutation,
        "subscription" => Subscription,
        _ => null,
    };

    public void AddPossibleType(string name, GraphqlDefinition? definition)
    {
        if (definition is null)
        {
            return;
        }

        if (!PossibleTypes.TryGetValue(name, out var list))
        {
            PossibleTypes[name] = list = [];
        }

        list.Add(definition);
    }

    /// <summary>The object types a value of <paramref name="definition"/> may have at run time.</summary>
    public IEnumerable<GraphqlDefinition> Possible(GraphqlDefinition definition) => definition.Kind switch
    {
        GraphqlKinds.Union => definition.Types.Select(Type).OfType<GraphqlDefinition>(),
        GraphqlKinds.Object => [definition],
        _ => PossibleTypes.GetValueOrDefault(definition.Name) ?? [],
    };
}
