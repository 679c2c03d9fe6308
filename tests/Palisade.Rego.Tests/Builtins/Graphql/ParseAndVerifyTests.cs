using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>OPA's graphql.parse_and_verify conformance cases: <c>[true, query, schema]</c>, or <c>[false, {}, {}]</c>.</summary>
public sealed class ParseAndVerifyTests
{
    public static TheoryData<string> Cases => Notes("parse_and_verify.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesOpa(string note)
    {
        var c = Case("parse_and_verify.json", note);
        var query = IsValidTests.Input(c, "query", "graphql.parse_query");
        var schema = IsValidTests.Input(c, "schema", "graphql.parse_schema");
        var result = Assert.IsType<ArrayValue>(Ok("graphql.parse_and_verify", query, schema));
        Assert.Equal(3, result.Count);
        var valid = c.GetProperty("valid").GetBoolean();
        Assert.Equal(BooleanValue.Of(valid), result[0]);
        if (!valid)
        {
            Assert.Equal(ObjectValue.Empty, result[1]);
            Assert.Equal(ObjectValue.Empty, result[2]);
            return;
        }

        if (c.TryGetProperty("query_ast", out var expected))
        {
            Assert.Equal(ValueJson.Serialize(ValueJson.FromJson(expected)), ValueJson.Serialize(result[1]));
        }

        if (c.GetProperty("roundtrip").GetBoolean())
        {
            Assert.Equal(query, result[1]);
            Assert.Equal(schema, result[2]);
        }
    }

    [Fact]
    public void SyntaxErrorsAreUnverified() =>
        Assert.Equal(ArrayValue.Of(BooleanValue.False, ObjectValue.Empty, ObjectValue.Empty), Ok("graphql.parse_and_verify", S("{"), S("type Query { a: Int }")));
}
