using static Palisade.Rego.Tests.Builtins.Terms;

namespace Palisade.Rego.Tests.Builtins;

public sealed class ArrayTests
{
    [Fact]
    public void Concatenates()
    {
        Expect("[1, 2, 3, 4]", "array.concat", "[1, 2]", "[3, 4]");
        Expect("[1]", "array.concat", "[]", "[1]");
        TypeError("operand 1 must be array but got object", "array.concat", "{}", "[3, 4]");
        TypeError("operand 2 must be array but got object", "array.concat", "[1, 2]", "{}");
    }

    [Theory]
    [InlineData("[1, 2, 3, 4, 5]", "1", "3", "[2, 3]")]
    [InlineData("[1, 2, 3]", "0", "0", "[]")]
    [InlineData("[1, 2, 3, 4, 5]", "-4", "-1", "[]")]
    [InlineData("[1, 2, 3, 4, 5]", "4", "1", "[]")]
    [InlineData("[1, 2, 3, 4, 5]", "-1", "2", "[1, 2]")]
    [InlineData("[1, 2, 3, 4, 5]", "3", "6", "[4, 5]")]
    [InlineData("[1, 2, 3]", "0", "99999999999", "[1, 2, 3]")]
    public void Slices(string array, string start, string stop, string expected) => Expect(expected, "array.slice", array, start, stop);

    [Fact]
    public void SliceBoundsMustBeIntegers()
    {
        TypeError("operand 2 must be integer number but got floating-point number", "array.slice", "[1]", "0.5", "1");
        TypeError("operand 3 must be number but got string", "array.slice", "[1]", "0", "\"1\"");
    }

    [Fact]
    public void Reverses()
    {
        Expect("[3, 2, 1]", "array.reverse", "[1, 2, 3]");
        Expect("[]", "array.reverse", "[]");
        TypeError("operand 1 must be array but got object", "array.reverse", "{}");
    }

    [Fact]
    public void FlattensOneLevel()
    {
        Expect("[1, 2, 3]", "array.flatten", "[1, [2], [3]]");
        Expect("[[1], 2, {\"a\": [3]}]", "array.flatten", "[[[1], 2], {\"a\": [3]}]");
        Expect("[]", "array.flatten", "[[], []]");
        TypeError("operand 1 must be array but got number", "array.flatten", "42");
    }
}

public sealed class SetTests
{
    [Fact]
    public void IntersectsAndUnites()
    {
        Expect("{2, 3}", "and", "{1, 2, 3}", "{2, 3, 4}");
        Expect("set()", "and", "{1}", "{2}");
        Expect("{1, 2, 3, 4}", "or", "{1, 2, 3}", "{2, 3, 4}");
        TypeError("operand 1 must be set but got array", "and", "[1]", "{1}");
        TypeError("operand 2 must be set but got number", "or", "{1}", "1");
    }

    [Fact]
    public void IntersectionAndUnionOfSets()
    {
        Expect("set()", "intersection", "set()");
        Expect("{2}", "intersection", "{{1, 2}, {2, 3}}");
        Expect("set()", "intersection", "{{1, 2}, {2, 3}, {4}}");
        Expect("set()", "union", "set()");
        Expect("{1, 2}", "union", "{set(), {1, 2}}");
        Expect("{1, 2, 3, 4, 5, 6}", "union", "{{1, 2, 3}, {4, 5}, {6}}");
        TypeError("operand 1 must be set but got number", "union", "{1}");
        TypeError("operand 1 must be set but got number", "intersection", "{1, {2}}");
    }
}
