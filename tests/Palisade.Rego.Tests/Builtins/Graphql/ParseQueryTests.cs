using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>OPA's graphql.parse_query conformance cases: the exact AST objects and the exact parse errors.</summary>
public sealed class ParseQueryTests
{
    public static TheoryData<string> Cases => Notes("parse_query.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesOpa(string note)
    {
        var c = Case("parse_query.json", note);
        var (result, error) = Call("graphql.parse_query", S(c.GetProperty("query").GetString()!));
        if (c.TryGetProperty("error", out var expectedError))
        {
            Assert.Equal(expectedError.GetString(), error);
        }
        else
        {
            Assert.Null(error);
            Assert.Equal(ValueJson.Serialize(ValueJson.FromJson(c.GetProperty("ast"))), ValueJson.Serialize(result!));
        }
    }

    [Fact]
    public void RejectsNonStrings()
    {
        var (_, error) = Call("graphql.parse_query", NumberValue.Of(1));
        Assert.Equal("graphql.parse_query: operand 1 must be string but got number", error);
    }

    [Fact]
    public void EmptyDocumentIsAnEmptyObject() => Assert.Equal(ObjectValue.Empty, Ok("graphql.parse_query", S("")));
}
