using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>OPA's graphql.schema_is_valid conformance cases, with the schema as text or as its parsed AST object.</summary>
public sealed class SchemaIsValidTests
{
    public static TheoryData<string> Cases => Notes("schema_is_valid.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesOpa(string note)
    {
        var c = Case("schema_is_valid.json", note);
        var schema = S(c.GetProperty("schema").GetString()!);
        if (c.GetProperty("as_ast").GetBoolean())
        {
            schema = Ok("graphql.parse_schema", schema);
        }

        Assert.Equal(BooleanValue.Of(c.GetProperty("expected").GetBoolean()), Ok("graphql.schema_is_valid", schema));
    }

    [Fact]
    public void OtherTypesAreNotValid() => Assert.Equal(BooleanValue.False, Ok("graphql.schema_is_valid", NumberValue.Of(1)));

    [Fact]
    public void RedeclaredTypesAreNotValid() =>
        Assert.Equal(BooleanValue.False, Ok("graphql.schema_is_valid", S("type A { a: Int } type A { b: Int }")));

    [Fact]
    public void ReservedNamesAreNotValid() =>
        Assert.Equal(BooleanValue.False, Ok("graphql.schema_is_valid", S("type __A { a: Int }")));

    [Fact]
    public void InterfacesMustBeImplementedFully() =>
        Assert.Equal(BooleanValue.False, Ok("graphql.schema_is_valid", S("interface I { a: Int b: Int } type T implements I { a: Int }")));

    [Fact]
    public void IntermediateInterfacesAreValidWhenNamed() =>
        Assert.Equal(BooleanValue.True, Ok("graphql.schema_is_valid", S("interface A { id: ID! } interface B implements A { id: ID! } type C implements B & A { id: ID! }")));
}
