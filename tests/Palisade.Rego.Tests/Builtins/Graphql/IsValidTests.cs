using System.Text.Json;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>OPA's graphql.is_valid conformance cases, with text, parsed ASTs and hand-written AST objects.</summary>
public sealed class IsValidTests
{
    public static TheoryData<string> Cases => Notes("is_valid.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesOpa(string note)
    {
        var c = Case("is_valid.json", note);
        var query = Input(c, "query", "graphql.parse_query");
        var schema = Input(c, "schema", "graphql.parse_schema");
        Assert.Equal(BooleanValue.Of(c.GetProperty("expected").GetBoolean()), Ok("graphql.is_valid", query, schema));
    }

    /// <summary>The case's text (parsed first when the case parses it), or its literal AST object.</summary>
    internal static Value Input(JsonElement c, string name, string parser)
    {
        if (c.TryGetProperty(name + "_ast", out var ast))
        {
            return ValueJson.FromJson(ast);
        }

        var text = S(c.GetProperty(name).GetString()!);
        return c.GetProperty(name + "_via_parse").GetBoolean() ? Ok(parser, text) : text;
    }

    [Fact]
    public void OtherTypesAreNotValid() => Assert.Equal(BooleanValue.False, Ok("graphql.is_valid", NumberValue.Of(1), S("type Query { a: Int }")));
}
