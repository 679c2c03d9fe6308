using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>graphql.parse_query conformance cases: the exact AST objects and the exact parse errors.</summary>
public sealed class ParseQueryTests
{
    [Fact]
    public void RejectsNonStrings()
    {
        var (_, error) = Call("graphql.parse_query", NumberValue.Of(1));
        Assert.Equal("graphql.parse_query: operand 1 must be string but got number", error);
    }

    [Fact]
    public void EmptyDocumentIsAnEmptyObject() => Assert.Equal(ObjectValue.Empty, Ok("graphql.parse_query", S("")));
}
