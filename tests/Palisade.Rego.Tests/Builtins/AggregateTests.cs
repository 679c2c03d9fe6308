using static Palisade.Rego.Tests.Builtins.Terms;

namespace Palisade.Rego.Tests.Builtins;

public sealed class AggregateTests
{
    [Theory]
    [InlineData("[1, 2, 3]", "3")]
    [InlineData("{\"a\": 1, \"b\": 2}", "2")]
    [InlineData("{1, 2, 3, 4}", "4")]
    [InlineData("\"abcde\"", "5")]
    [InlineData("\"åäö\"", "3")]
    [InlineData("\"\\ud83d\\ude00x\"", "2")]
    [InlineData("\"\"", "0")]
    public void Counts(string collection, string expected) => Expect(expected, "count", collection);

    [Fact]
    public void CountRejectsScalars() =>
        TypeError("operand 1 must be one of {array, object, set, string} but got number", "count", "1");

    [Theory]
    [InlineData("[1, 2, 3, 4]", "10")]
    [InlineData("{1, 2, 3, 4}", "10")]
    [InlineData("[49649733057, 1]", "49649733058")]
    [InlineData("[]", "0")]
    [InlineData("[9223372036854775807, 1]", "9223372036854775808")]
    [InlineData("[18446744073709551614, 1]", "18446744073709551615")]
    [InlineData("[1.5, 2.5]", "4")]
    [InlineData("[0.1, 0.2]", "0.3")]
    [InlineData("[1.0, 2]", "3")]
    public void Sums(string collection, string expected) => Expect(expected, "sum", collection);

    [Theory]
    [InlineData("[1, 2, 3, 4]", "24")]
    [InlineData("{1, 2, 3, 4}", "24")]
    [InlineData("[]", "1")]
    [InlineData("[4294967296, 4294967296]", "18446744073709551616")]
    [InlineData("[0.5, 3]", "1.5")]
    [InlineData("[0.1, 3]", "0.30000000000000004")]
    public void Multiplies(string collection, string expected) => Expect(expected, "product", collection);

    [Fact]
    public void SumAndProductNeedNumbers()
    {
        TypeError("operand 1 must be array of numbers but got array containing string", "sum", "[1.5, \"a\"]");
        TypeError("operand 1 must be set of numbers but got set containing string", "product", "{1.5, \"a\"}");
        TypeError("operand 1 must be one of {set, array} but got string", "sum", "\"a\"");
        TypeError("operand 1 must be one of {set, array} but got object", "product", "{}");
    }

    [Fact]
    public void MaxAndMinFollowOpasOrder()
    {
        Expect("4", "max", "[1, 2, 3, 4]");
        Expect("4", "max", "{1, 2, 3, 4}");
        Expect("1", "min", "[1, 2, 1, 3, 4]");
        Expect("{\"a\": 1}", "max", "[null, true, 1, \"s\", [1], {\"a\": 1}]");
        Expect("null", "min", "[\"s\", null, 1]");
        Undefined("max", "[]");
        Undefined("min", "set()");
        TypeError("operand 1 must be one of {set, array} but got number", "max", "1");
    }

    [Fact]
    public void SortsMixedTypes()
    {
        Expect("[1, 2, 3, 4]", "sort", "[4, 3, 2, 1]");
        Expect("[1, 2, 3, 4]", "sort", "{1, 2, 3, 4}");
        Expect("[null, false, true, 1, 1, \"a\", [], {}]", "sort", "[{}, [], \"a\", 1, true, 1, false, null]");
        TypeError("operand 1 must be one of {set, array} but got string", "sort", "\"a\"");
    }
}
