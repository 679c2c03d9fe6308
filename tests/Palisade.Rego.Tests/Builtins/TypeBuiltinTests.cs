using Palisade.Rego.Builtins;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class TypeBuiltinTests
{
    [Theory]
    [InlineData("is_number", "-42.0", true)]
    [InlineData("is_number", "100.1", true)]
    [InlineData("is_number", "false", false)]
    [InlineData("is_string", "\"Hello\"", true)]
    [InlineData("is_string", "null", false)]
    [InlineData("is_boolean", "false", true)]
    [InlineData("is_boolean", "\"Hello\"", false)]
    [InlineData("is_array", "[1,2,3]", true)]
    [InlineData("is_object", "{\"foo\":1}", true)]
    [InlineData("is_null", "null", true)]
    [InlineData("is_null", "true", false)]
    public void TypeTests(string name, string json, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call(name, J(json)));

    [Fact]
    public void SetsAreSetsNotArrays()
    {
        Assert.Equal(BooleanValue.True, Call("is_set", Set(N("1"), N("2"))));
        Assert.Equal(BooleanValue.False, Call("is_array", Set(N("1"))));
        Assert.Equal(BooleanValue.False, Call("is_set", J("[1,2,3]")));
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("true", "boolean")]
    [InlineData("100", "number")]
    [InlineData("\"Hello\"", "string")]
    [InlineData("[1,2,3]", "array")]
    [InlineData("{}", "object")]
    public void TypeName(string json, string expected) => Assert.Equal(S(expected), Call("type_name", J(json)));

    [Fact]
    public void TypeNameOfSet() => Assert.Equal(S("set"), Call("type_name", SetValue.Empty));

    [Theory]
    [InlineData("\"-42.0\"", "-42")]
    [InlineData("false", "0")]
    [InlineData("true", "1")]
    [InlineData("null", "0")]
    [InlineData("100.1", "100.1")]
    [InlineData("\"+5\"", "5")]
    [InlineData("\".5\"", "0.5")]
    [InlineData("\"1e3\"", "1000")]
    public void ToNumber(string json, string expected) => Assert.Equal(N(expected), Call("to_number", J(json)));

    [Fact]
    public void ToNumberErrors()
    {
        Assert.Equal("strconv.ParseFloat: parsing \"broken\": invalid syntax", Error("to_number", S("broken")).Message);
        Assert.Equal("operand 1 must be valid number string but got string", Error("to_number", S("-Inf")).Message);
        var type = Assert.IsType<BuiltinTypeException>(Error("to_number", J("[]")));
        Assert.Equal("operand 1 must be one of {null, boolean, number, string} but got array", type.Message);
    }
}
