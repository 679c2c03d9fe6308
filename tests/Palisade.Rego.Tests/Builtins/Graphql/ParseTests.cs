using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>
/// OPA's graphql.parse conformance cases: the query's AST after validation, the validation error otherwise, and AST
/// objects given back unchanged.
/// </summary>
public sealed class ParseTests
{
    public static TheoryData<string> Cases => Notes("parse.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesOpa(string note)
    {
        var c = Case("parse.json", note);
        var query = IsValidTests.Input(c, "query", "graphql.parse_query");
        var schema = IsValidTests.Input(c, "schema", "graphql.parse_schema");
        var (result, error) = Call("graphql.parse", query, schema);
        if (c.TryGetProperty("error", out var expectedError))
        {
            Assert.Equal(expectedError.GetString(), error);
            return;
        }

        Assert.Null(error);
        var pair = Assert.IsType<ArrayValue>(result);
        Assert.Equal(2, pair.Count);
        if (c.TryGetProperty("query_ast", out var expected))
        {
            Assert.Equal(ValueJson.Serialize(ValueJson.FromJson(expected)), ValueJson.Serialize(pair[0]));
        }

        if (c.GetProperty("roundtrip").GetBoolean())
        {
            Assert.Equal(query, pair[0]);
            Assert.Equal(schema, pair[1]);
        }
    }

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
