using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class GlobsMatchTests
{
    [Theory]
    [InlineData("a.a.[0-9]+z", ".b.b2359825792*594823z", true)]
    [InlineData("b.*", "bar", true)]
    [InlineData("b.*", "baz", true)]
    [InlineData("b.*", "car", false)]
    [InlineData("[a-z]+\\[[0-9]+\\]", "foo\\[1\\]", true)]
    [InlineData("[a-z]+\\[[0-9]+\\]", "foo[\"bar\"]", false)]
    [InlineData("[a-z]+", "[0-9]*", false)]
    [InlineData("[a-z]+", "[0-9]+", false)]
    [InlineData("a*b", "a*c", false)]
    [InlineData("a*b*", "b+", true)]
    [InlineData(".*", "", true)]
    [InlineData(".+", "", false)]
    public void Intersects(string left, string right, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call("regex.globs_match", S(left), S(right)));

    [Theory]
    [InlineData("pqrs]", "input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid")]
    [InlineData("*a", "input:*a, pos:1, flag '*' must be preceded by a non-flag: the input provided is invalid")]
    [InlineData("a**", "input:a**, pos:3, flag '*' must be preceded by a non-flag: the input provided is invalid")]
    [InlineData("[ab", "input:[ab, pos:3, found [ without matching ]: the input provided is invalid")]
    [InlineData("[z-a]", "input:[z-a], pos:4, range is out of order: 'a' comes before 'z' in Unicode: the input provided is invalid")]
    public void InvalidPatterns(string pattern, string message) =>
        Assert.Equal(message, Error("regex.globs_match", S(pattern), S("[a-b]+")).Message);
}
