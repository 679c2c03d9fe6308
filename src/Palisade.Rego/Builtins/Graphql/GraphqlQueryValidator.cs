namespace Palisade.Rego.Builtins.Graphql;

internal static class GraphqlQueryValidator
{
    public static void Validate(GraphqlSchema schema, GraphqlQueryDocument query)
    {
    }
}
