using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>graphql.parse_schema: gqlparser's schema document shape, pruned as OPA prunes it, and its parse errors.</summary>
public sealed class ParseSchemaTests
{
    private static string Json(string sdl) => ValueJson.Serialize(Ok("graphql.parse_schema", S(sdl)));

    [Fact]
    public void ObjectTypesMatchTheShapeOpaReturns()
    {
        // The shape of the hand-written schema AST in OPA's "undefined argument schema ast" case.
        var expected = """{"Definitions":[{"BuiltIn":false,"Description":"","Fields":[{"Description":"","Name":"bar","Type":{"NamedType":"String","NonNull":true}}],"Kind":"OBJECT","Name":"Query"}]}""";
        Assert.Equal(expected, Json("type Query { bar: String! }"));
    }

    [Fact]
    public void SchemaDefinitionsAndDirectives()
    {
        Assert.Equal(
            """{"Directives":[{"Arguments":[{"DefaultValue":{"ExpectedTypeHasDefault":false,"Kind":3,"Raw":"b"},"Description":"","Name":"a","Type":{"NamedType":"String","NonNull":false}}],"Description":"","IsRepeatable":true,"Locations":["FIELD","SCHEMA"],"Name":"d"}],"Schema":[{"Description":"","OperationTypes":[{"Operation":"query","Type":"Q"}]}]}""",
            Json("""schema { query: Q } directive @d(a: String = "b") repeatable on | FIELD | SCHEMA"""));
    }

    [Fact]
    public void EnumsUnionsInputsAndExtensions()
    {
        var json = Json("""
            "Colours" enum E { "red" RED @deprecated, GREEN }
            union U = | A | B
            input I { x: [Int!] = [1] }
            extend type T implements & X @d
            extend schema @d
            """);
        Assert.Equal(
            """{"Definitions":[{"BuiltIn":false,"Description":"Colours","EnumValues":[{"Description":"red","Directives":[{"Location":"","Name":"deprecated"}],"Name":"RED"},{"Description":"","Name":"GREEN"}],"Kind":"ENUM","Name":"E"},"""
            + """{"BuiltIn":false,"Description":"","Kind":"UNION","Name":"U","Types":["A","B"]},"""
            + """{"BuiltIn":false,"Description":"","Fields":[{"DefaultValue":{"Children":[{"Name":"","Value":{"ExpectedTypeHasDefault":false,"Kind":1,"Raw":"1"}}],"ExpectedTypeHasDefault":false,"Kind":8,"Raw":""},"Description":"","Name":"x","Type":{"Elem":{"NamedType":"Int","NonNull":true},"NamedType":"","NonNull":false}}],"Kind":"INPUT_OBJECT","Name":"I"}]"""
            + ""","Extensions":[{"BuiltIn":false,"Description":"","Directives":[{"Location":"","Name":"d"}],"Interfaces":["X"],"Kind":"OBJECT","Name":"T"}]"""
            + ""","SchemaExtension":[{"Description":"","Directives":[{"Location":"","Name":"d"}]}]}""",
            json);
    }

    [Fact]
    public void BlockStringDescriptionsAreDedented() =>
        Assert.Contains("\"Description\":\"first\\n  second\"", Json("\"\"\"\n    first\n      second\n    \"\"\"\nscalar S"));

    [Fact]
    public void EmptySchemaIsAnEmptyObject() => Assert.Equal(ObjectValue.Empty, Ok("graphql.parse_schema", S("  # nothing\n")));

    [Theory]
    [InlineData("type Hello {}", "expected at least one definition, found } in GraphQL string at location 1:13")]
    [InlineData("extend type Hello", "Unexpected <EOF> in GraphQL string at location 1:18")]
    [InlineData("\"Description\"\nextend type Hello { a: Int }", "Unexpected String \"Description\" in GraphQL string at location 1:2")]
    [InlineData("directive @foo on FIELD | INCORRECT_LOCATION", "Unexpected Name \"INCORRECT_LOCATION\" in GraphQL string at location 1:27")]
    [InlineData("union Hello = Wo || Rld", "Expected Name, found | in GraphQL string at location 1:19")]
    [InlineData("query { a }", "Unexpected Name \"query\" in GraphQL string at location 1:1")]
    // gqlparser reports an unreadable token through the parser, which names it "Invalid", at the lexer's position.
    [InlineData("input A { a: String = \"x }", "Unexpected Invalid in GraphQL string at location 1:27")]
    // Where the parser consumes the unreadable token, the lexer's own message is reported.
    [InlineData("schema { 'x }", "Unexpected single quote character ('), did you mean to use a double quote (\")? in GraphQL string at location 1:10")]
    [InlineData("schema { \ud800 }", "Cannot parse the unexpected character \"\ufffd\". in GraphQL string at location 1:10")]
    public void ErrorsMatchGqlparser(string sdl, string message)
    {
        var (_, error) = Call("graphql.parse_schema", S(sdl));
        Assert.Equal("graphql.parse_schema: " + message, error);
    }
}
