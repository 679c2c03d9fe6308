using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>graphql.schema_is_valid behaviour, with the schema as text or as its parsed AST object.</summary>
public sealed class SchemaIsValidTests
{
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
