using System.Text.Json;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>graphql.is_valid behaviour, with text, parsed ASTs and hand-written AST objects.</summary>
public sealed class IsValidTests
{
    [Fact]
    public void OtherTypesAreNotValid() => Assert.Equal(BooleanValue.False, Ok("graphql.is_valid", NumberValue.Of(1), S("type Query { a: Int }")));
}
