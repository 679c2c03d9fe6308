using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>
/// OPA's graphql.parse conformance cases: the query's AST after validation, the validation error otherwise, and AST
/// objects given back unchanged.
/// </summary>
public sealed class ParseTests
{
    [Fact]
    public void SchemaErrorsNameTheSchema()
    {
        var (_, error) = Call("graphql.parse", S("{ a }"), S("type Query { a: Missing }"));
        Assert.Equal("graphql.parse: Undefined type Missing. in GraphQL schema string at location 1:17", error);
    }

    [Fact]
    public void SchemaSyntaxErrorsNameTheSchema()
    {
        var (_, error) = Call("graphql.parse", S("{ a }"), S("type Query {"));
        Assert.Equal("graphql.parse: Expected Name, found <EOF> in GraphQL schema string at location 1:13", error);
    }

    [Fact]
    public void QuerySyntaxErrorsComeFirst()
    {
        var (_, error) = Call("graphql.parse", S("{"), S("type Query {"));
        Assert.Equal("graphql.parse: Expected Name, found <EOF> in GraphQL string at location 1:2", error);
    }

    [Fact]
    public void UnknownFieldsAreErrors()
    {
        var (_, error) = Call("graphql.parse", S("{ b }"), S("type Query { a: Int }"));
        Assert.Equal("graphql.parse: Cannot query field \"b\" on type \"Query\". Did you mean \"a\"? in GraphQL string at location 1:3", error);
    }

    [Fact]
    public void RejectsOtherTypes()
    {
        var (_, error) = Call("graphql.parse", NumberValue.Of(1), S("type Query { a: Int }"));
        Assert.Equal("graphql.parse: operand 1 must be one of {string, object} but got number", error);
    }
}
