using System.Numerics;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Values;

public sealed class ValueTests
{
    private static Value N(string text) => NumberValue.Parse(text);

    private static Value S(string text) => new StringValue(text);

    [Fact]
    public void KindsSortInOpasOrder()
    {
        Value[] values = [SetValue.Empty, ObjectValue.Empty, ArrayValue.Empty, S(""), N("0"), BooleanValue.False, NullValue.Instance];

        var sorted = values.Order().Select(v => v.Kind);

        Assert.Equal([ValueKind.Null, ValueKind.Boolean, ValueKind.Number, ValueKind.String, ValueKind.Array, ValueKind.Object, ValueKind.Set], sorted);
    }

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("100", "1e2")]
    [InlineData("0.5", "5e-1")]
    [InlineData("-0", "0")]
    [InlineData("18446744073709551616", "18446744073709551616.0")]
    public void NumbersAreEqualByValue(string a, string b)
    {
        Assert.Equal(N(a), N(b));
        Assert.Equal(N(a).GetHashCode(), N(b).GetHashCode());
        Assert.Equal(0, N(a).CompareTo(N(b)));
    }

    [Theory]
    [InlineData("1", "1.5")]
    [InlineData("-2", "-1.5")]
    [InlineData("9007199254740993", "9007199254740993.5")]
    [InlineData("1.5", "18446744073709551616")]
    [InlineData("-18446744073709551616", "-1")]
    public void NumbersOrderExactly(string smaller, string larger)
    {
        Assert.True(N(smaller) < N(larger));
        Assert.True(N(larger) > N(smaller));
    }

    [Fact]
    public void BigIntegersStayExact()
    {
        var n = (NumberValue)N("18446744073709551614");

        Assert.Equal(BigInteger.Parse("18446744073709551614"), n.AsBigInteger);
        Assert.Equal("18446744073709551614", n.ToString());
        Assert.Equal(BigInteger.Pow(10, 400), ((NumberValue)N("1e400")).AsBigInteger);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(-2.5, "-2.5")]
    public void ComputedNumbersPrintInShortestForm(double value, string expected)
    {
        Assert.Equal(expected, NumberValue.Of(value).ToString());
    }

    [Fact]
    public void IntegralDoublesBecomeExactIntegers()
    {
        var n = NumberValue.Of(1.5e21);

        Assert.True(n.IsInteger);
        Assert.Equal("1500000000000000000000", n.ToString());
    }

    [Fact]
    public void NumbersPrintAsWritten()
    {
        Assert.Equal("1.0", N("1.0").ToString());
        Assert.Equal("1", NumberValue.Of(1.0).ToString());
    }

    [Fact]
    public void StringsOrderByCodePoint()
    {
        // U+FF5E sorts before U+1F600 by code point, though its UTF-16 unit is larger than the surrogate's.
        Assert.True(S("\uFF5E") < S("\U0001F600"));
        Assert.True(S("a") < S("b"));
        Assert.True(S("ab") > S("a"));
    }

    [Fact]
    public void SetsSortAndDeduplicate()
    {
        var set = SetValue.Of(N("3"), N("1"), N("1.0"), S("a"));

        Assert.Equal("{1, 3, \"a\"}", set.ToString());
        Assert.True(set.Contains(N("3.0")));
        Assert.Equal("set()", SetValue.Empty.ToString());
    }

    [Fact]
    public void ObjectsSortKeysAndCompareKeyThenValue()
    {
        var a = ObjectValue.Of(("b", N("1")), ("a", N("2")));
        var b = ObjectValue.Of(("a", N("1")), ("c", N("0")));

        Assert.Equal("{\"a\": 2, \"b\": 1}", a.ToString());
        Assert.True(b < a);
        Assert.True(a.TryGetValue("b", out var value) && value.Equals(N("1")));
    }

    [Fact]
    public void LargeCollectionsFindByHash()
    {
        var set = SetValue.Of(Enumerable.Range(0, 100).Select(i => (Value)NumberValue.Of(i)));

        Assert.True(set.Contains(N("57.0")));
        Assert.False(set.Contains(S("57")));
    }

    [Fact]
    public void StringsPrintWithGoQuoting()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\t\\x01é\"", S("a\"b\\c\n\t\u0001é").ToString());
    }

    [Fact]
    public void ConvertsToAndFromJson()
    {
        var value = ValueJson.Parse("""{"a": [1, 2.50, "x", true, null], "b": {"c": 12345678901234567890}}""");

        Assert.Equal("""{"a":[1,2.50,"x",true,null],"b":{"c":12345678901234567890}}""", ValueJson.Serialize(value));
        Assert.Equal("""{"1":[1,2],"[1]":true}""", ValueJson.Serialize(ObjectValue.Of(new KeyValuePair<Value, Value>[]
        {
            new(N("1"), SetValue.Of(N("2"), N("1"))),
            new(ArrayValue.Of(N("1")), BooleanValue.True),
        })));
    }
}
