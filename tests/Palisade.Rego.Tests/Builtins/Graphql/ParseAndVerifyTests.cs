using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>graphql.parse_and_verify conformance cases: <c>[true, query, schema]</c>, or <c>[false, {}, {}]</c>.</summary>
public sealed class ParseAndVerifyTests
{
    [Fact]
    public void SyntaxErrorsAreUnverified() =>
        Assert.Equal(ArrayValue.Of(BooleanValue.False, ObjectValue.Empty, ObjectValue.Empty), Ok("graphql.parse_and_verify", S("{"), S("type Query { a: Int }")));
}
