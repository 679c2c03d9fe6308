using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>Deep, long or cyclic input fails with an error (or false) instead of overflowing the stack or hanging.</summary>
public sealed class HostileInputTests
{
    private const string Schema = "type Query { a: Int q: Query }";

    [Fact]
    public void DeeplyNestedSelectionsAreAnError()
    {
        var query = string.Concat(Enumerable.Repeat("{a", 100_000)) + string.Concat(Enumerable.Repeat("}", 100_000));
        var (_, error) = Call("graphql.parse_query", S(query));
        Assert.StartsWith("graphql.parse_query: document nests deeper than 256 levels", error);
    }

    [Fact]
    public void DeeplyNestedValuesAreAnError()
    {
        var query = "{ a(x: " + new string('[', 100_000) + new string(']', 100_000) + ") }";
        var (_, error) = Call("graphql.parse_query", S(query));
        Assert.StartsWith("graphql.parse_query: document nests deeper than 256 levels", error);
    }

    [Fact]
    public void DeeplyNestedTypesAreNotValid()
    {
        var schema = "type Query { a: " + new string('[', 100_000) + "Int" + new string(']', 100_000) + " }";
        Assert.Equal(BooleanValue.False, Ok("graphql.schema_is_valid", S(schema)));
    }

    [Fact]
    public void ModerateNestingIsFine()
    {
        var query = string.Concat(Enumerable.Repeat("{q", 100)) + "{a}" + string.Concat(Enumerable.Repeat("}", 100));
        Assert.Equal(BooleanValue.True, Ok("graphql.is_valid", S(query), S(Schema)));
    }

    [Fact]
    public void OverlongDocumentsAreAnError()
    {
        var (_, error) = Call("graphql.parse_query", S("{a}" + new string(' ', 5 * 1024 * 1024)));
        Assert.StartsWith("graphql.parse_query: document is longer than", error);
    }

    [Fact]
    public void DeeplyNestedAstObjectsAreNotValid()
    {
        Value value = ObjectValue.Of(("Kind", NumberValue.Of(1)), ("Raw", S("1")));
        for (var i = 0; i < 1000; i++)
        {
            value = ObjectValue.Of(("Kind", NumberValue.Of(8)), ("Children", ArrayValue.Of(ObjectValue.Of(("Value", value)))));
        }

        var field = ObjectValue.Of(("Alias", S("a")), ("Name", S("a")), ("Arguments", ArrayValue.Of(ObjectValue.Of(("Name", S("x")), ("Value", value)))));
        var query = ObjectValue.Of(("Operations", ArrayValue.Of(ObjectValue.Of(("Operation", S("query")), ("SelectionSet", ArrayValue.Of(field))))));
        Assert.Equal(BooleanValue.False, Ok("graphql.is_valid", query, S(Schema)));
    }

    [Fact]
    public void FragmentCyclesAreNotValid()
    {
        var (_, error) = Call("graphql.parse", S("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), S(Schema));
        Assert.Equal("graphql.parse: Cannot spread fragment \"A\" within itself via B in GraphQL string at location 1:10", error);
    }

    [Fact]
    public void LongFragmentChainsAreChecked()
    {
        const int count = 20_000;
        var text = new System.Text.StringBuilder("{ ...F0 }");
        for (var i = 0; i < count; i++)
        {
            text.Append(i + 1 < count ? $" fragment F{i} on Query {{ ...F{i + 1} }}" : $" fragment F{i} on Query {{ a }}");
        }

        Assert.Equal(BooleanValue.True, Ok("graphql.is_valid", S(text.ToString()), S(Schema)));
    }
}
