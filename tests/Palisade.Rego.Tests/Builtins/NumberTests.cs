using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Terms;

namespace Palisade.Rego.Tests.Builtins;

/// <summary>OPA's 64-bit binary float, as Go's big.Float computes and prints it.</summary>
public sealed class BinaryFloatTests
{
    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("0.1", "0.1")]
    [InlineData("-2.25", "-2.25")]
    [InlineData("1234567.5", "1.2345675e+06")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("123456.5", "123456.5")]
    [InlineData("100", "100")]
    [InlineData("1e3", "1000")]
    [InlineData("-0", "-0")]
    [InlineData("0", "0")]
    [InlineData("1e-100", "1e-100")]
    [InlineData("-2.5e-70", "-2.5e-70")]
    [InlineData("1.000000000000000000000000000000000000000000000000000000000000", "1")]
    [InlineData("0.1e-60", "1e-61")]
    public void ReadsAndPrintsAsGo(string text, string printed) => Assert.Equal(printed, BinaryFloat.Parse(text).ToOpaText());

    [Fact]
    public void IntegersBeyondSixtyFourBitsAreRounded()
    {
        Assert.Equal("1" + new string('0', 100), BinaryFloat.Parse("1e100").ToOpaText());
        // 2^64 + 1 needs 65 bits: it rounds to 2^64, and the shortest digits within half an ulp come out.
        Assert.Equal("18446744073709551616", BinaryFloat.Parse("18446744073709551617").ToOpaText());
        Assert.Equal("18446744073709551615", BinaryFloat.Parse("18446744073709551615").ToOpaText());
    }
    /// <summary>
    /// Results checked against an independent exact-rational model (operands rounded to 64 bits, the result rounded
    /// to nearest even, then the shortest decimal inside the half-ulp interval).
    /// </summary>
    [Theory]
    [InlineData("div", "704018", "587645.4170", "1.1980319758028505139")]
    [InlineData("plus", "-8637966159423594513010748.28", "877e-16", "-8637966159423594513000000")]
    [InlineData("plus", "-7162716991534164381772097.68", "-370276.57", "-7162716991534164382000000")]
    [InlineData("div", "-474948.1", "-440788", "1.0774977993956278301")]
    [InlineData("mul", "101903", "743423.56975971", "7.5757092029223728135e+10")]
    [InlineData("mul", "-842531.67186", "375576", "-3.1643467519049135998e+11")]
    [InlineData("mul", "-310192", "-543436703162426891370445.5", "168569717827359522300000000000")]
    [InlineData("div", "504e-24", "334e-3", "1.5089820359281437126e-21")]
    [InlineData("div", "444719.1872", "521738", "0.8523802889572927408")]
    [InlineData("div", "5024662800654651649777431.53", "158e-28", "318016632952826053780000000000000000000000000000000")]
    [InlineData("mul", "587e1", "-9311964690355199386687048.67", "-54661232732385020397000000000")]
    [InlineData("minus", "545056", "524355.48672", "20700.513280000000009")]

    // A tie between two shortest candidates: Go rounds the exact digits half to even (…516.75 → …5168).
    [InlineData("div", "3184031334746809869818934.56", "-696273.1577746", "-4.5729629229474845168e+18")]
    public void ComputesAsGo(string op, string a, string b, string expected)
    {
        var (x, y) = (BinaryFloat.Parse(a), BinaryFloat.Parse(b));
        var result = op switch
        {
            "div" => x / y,
            "plus" => x + y,
            "mul" => x * y,
            _ => x - y,
        };
        Assert.Equal(expected, result.ToOpaText());
    }
}

/// <summary>Arithmetic as OPA computes it, from the conformance cases and OPA's number paths.</summary>
public sealed class ArithmeticTests
{
    [Theory]
    [InlineData("plus", "1", "2", "3")]
    [InlineData("plus", "49649733057", "1", "49649733058")]
    [InlineData("plus", "18446744073709551615", "18446744073709551615", "36893488147419103230")]
    [InlineData("plus", "9223372036854775807", "1", "9223372036854775808")]
    [InlineData("plus", "1.0", "1", "2")]
    [InlineData("plus", "0.1", "0.2", "0.3")]
    [InlineData("plus", "1.5", "1.5", "3")]
    [InlineData("plus", "2147483647", "1", "2147483648")]
    [InlineData("minus", "1", "2", "-1")]
    [InlineData("minus", "0", "18446744073709551614", "-18446744073709551614")]
    [InlineData("minus", "3.5", "1", "2.5")]
    [InlineData("mul", "3", "4", "12")]
    [InlineData("mul", "2147483647", "2147483647", "4611686014132420609")]
    [InlineData("mul", "4294967296", "4294967296", "18446744073709551616")]
    [InlineData("mul", "1.5", "2", "3")]
    [InlineData("mul", "0.5", "0.5", "0.25")]
    [InlineData("div", "6", "3", "2")]
    [InlineData("div", "7", "2", "3.5")]
    [InlineData("div", "1", "4", "0.25")]
    [InlineData("div", "0", "5", "0")]
    [InlineData("div", "0", "-5", "-0")]
    [InlineData("div", "-6", "3", "-2")]
    [InlineData("div", "18446744073709551616", "2", "9223372036854775808")]
    [InlineData("div", "1", "3", "0.33333333333333333334")]
    [InlineData("div", "2", "3", "0.6666666666666666667")]
    [InlineData("rem", "7", "3", "1")]
    [InlineData("rem", "-7", "3", "-1")]
    [InlineData("rem", "7", "-3", "1")]
    [InlineData("rem", "10", "18446744073709551616", "10")]
    [InlineData("rem", "18446744073709551617", "2", "1")]
    [InlineData("rem", "4.0", "2", "0")]
    [InlineData("mul", "1e-800", "1e800", "1")]
    [InlineData("plus", "1e-800", "1", "1")]
    public void Computes(string name, string a, string b, string expected) => Expect(expected, name, a, b);

    [Fact]
    public void DivisionByZeroFails()
    {
        Error("divide by zero", "div", "1", "0");
        Error("divide by zero", "div", "1", "0.0");
        Error("divide by zero", "div", "1.5", "0");
        Error("divide by zero", "div", "18446744073709551616", "0");
        Error("modulo by zero", "rem", "7", "0");
        Error("modulo by zero", "rem", "18446744073709551616", "0");
    }

    [Fact]
    public void ExtremeMagnitudesFailInsteadOfStalling()
    {
        // 1.5e-100000000 reads fast (Go's power-of-five squaring) but would print with 10^8 digits.
        Error("number too large or too small to print", "mul", "1.5e-100000000", "3");
        Expect("1", "plus", "1.5e-100000000", "1");
    }

    [Fact]
    public void RemainderOfFractionsFails()
    {
        Error("modulo on floating-point number", "rem", "1.1", "1");
        Error("modulo on floating-point number", "rem", "2", "0.5");
    }

    [Fact]
    public void OperandsMustBeNumbers()
    {
        TypeError("operand 1 must be number but got string", "plus", "\"a\"", "1");
        TypeError("operand 2 must be number but got null", "mul", "1", "null");
        TypeError("operand 2 must be number but got set", "div", "1", "{1}");
    }

    [Fact]
    public void MinusOnSetsIsDifference()
    {
        Expect("{1, 3}", "minus", "{1, 2, 3}", "{2, 4}");
        Expect("set()", "minus", "{1}", "{1}");
        TypeError("operand 2 must be set but got number", "minus", "{1}", "1");
        TypeError("operand 2 must be number but got set", "minus", "1", "{1}");
        TypeError("operand 1 must be one of {number, set} but got string", "minus", "\"a\"", "1");
    }

    [Theory]
    [InlineData("abs", "-10", "10")]
    [InlineData("abs", "-1.5", "1.5")]
    [InlineData("abs", "-18446744073709551615", "18446744073709551615")]
    [InlineData("round", "1.5", "2")]
    [InlineData("round", "2.5", "3")]
    [InlineData("round", "-1.5", "-2")]
    [InlineData("round", "-1.4", "-1")]
    [InlineData("round", "-0.4", "0")]
    [InlineData("round", "7", "7")]
    [InlineData("ceil", "1.01", "2")]
    [InlineData("ceil", "1.5", "2")]
    [InlineData("ceil", "2222.2222222222", "2223")]
    [InlineData("ceil", "1", "1")]
    [InlineData("ceil", "-1.99999", "-1")]
    [InlineData("ceil", "0.5", "1")]
    [InlineData("floor", "1.01", "1")]
    [InlineData("floor", "1.5", "1")]
    [InlineData("floor", "99.99999", "99")]
    [InlineData("floor", "1", "1")]
    [InlineData("floor", "-1.001", "-2")]
    public void Rounds(string name, string a, string expected) => Expect(expected, name, a);

    [Fact]
    public void FloorOfSmallNegativeFractionFollowsOpa()
    {
        // OPA truncates -0.5 to +0 and then sees a non-negative integer, so floor(-0.5) is 0 there too.
        Expect("0", "floor", "-0.5");
    }

    [Fact]
    public void Ranges()
    {
        Expect("[0, 1, 2, 3]", "numbers.range", "0", "3");
        Expect("[3, 2, 1, 0]", "numbers.range", "3", "0");
        Expect("[-2]", "numbers.range", "-2", "-2");
        Expect("[0]", "numbers.range", "0", "0");
        Expect("[-2, -1, 0, 1, 2, 3]", "numbers.range", "-2", "3");
        Expect("[2, 1, 0, -1, -2, -3]", "numbers.range", "2", "-3");
        Expect("[49649733057, 49649733058, 49649733059, 49649733060]", "numbers.range", "49649733057", "49649733060");
        Expect("[0, 1]", "numbers.range", "0.0", "0.1e1");
        Expect("[18446744073709551614, 18446744073709551615, 18446744073709551616]", "numbers.range", "18446744073709551614", "18446744073709551616");
        Expect("[0, 2, 4]", "numbers.range_step", "0", "5", "2");
        Expect("[5, 3, 1]", "numbers.range_step", "5", "0", "2");
        Expect("[1]", "numbers.range_step", "1", "1", "10");
        TypeError("operand 1 must be integer number but got floating-point number", "numbers.range", "3.14", "1");
        TypeError("operand 2 must be integer number but got floating-point number", "numbers.range", "1", "3.14");
        Error("step must be a positive integer", "numbers.range_step", "0", "10", "0");
        Error("step must be a positive integer", "numbers.range_step", "0", "10", "-1");
        Error("the range holds more than 10000000 numbers", "numbers.range", "1", "10000000000");
        Error("the range holds more than 10000000 numbers", "numbers.range", "0", "-10000000");
        Error("the range holds more than 10000000 numbers", "numbers.range_step", "0", "100000000000", "1000");
    }
}

public sealed class BitsTests
{
    [Theory]
    [InlineData("bits.and", "42", "3", "2")]
    [InlineData("bits.and", "-4", "6", "4")]
    [InlineData("bits.or", "5", "3", "7")]
    [InlineData("bits.xor", "5", "3", "6")]
    [InlineData("bits.lsh", "1", "64", "18446744073709551616")]
    [InlineData("bits.lsh", "-3", "2", "-12")]
    [InlineData("bits.rsh", "-5", "1", "-3")]
    [InlineData("bits.rsh", "18446744073709551616", "63", "2")]
    [InlineData("bits.and", "18446744073709551615", "18446744073709551616", "0")]
    [InlineData("bits.and", "7", "9", "1")]
    [InlineData("bits.and", "50", "0", "0")]
    [InlineData("bits.or", "50", "0", "50")]
    [InlineData("bits.xor", "42", "3", "41")]
    [InlineData("bits.xor", "42", "42", "0")]
    [InlineData("bits.lsh", "1", "3", "8")]
    [InlineData("bits.lsh", "2147483647", "1", "4294967294")]
    [InlineData("bits.rsh", "8", "3", "1")]
    public void Computes(string name, string a, string b, string expected) => Expect(expected, name, a, b);

    [Fact]
    public void HugeShifts()
    {
        Expect("0", "bits.rsh", "12345", "9999999999");
        Expect("-1", "bits.rsh", "-12345", "9999999999");
        Expect("0", "bits.lsh", "0", "9999999999");
        Error("shift result too large", "bits.lsh", "1", "9999999999");
    }

    [Fact]
    public void Negates()
    {
        Expect("-43", "bits.negate", "42");
        Expect("-18446744073709551617", "bits.negate", "18446744073709551616");
    }

    [Fact]
    public void RejectsFractionsAndNegativeShifts()
    {
        TypeError("operand 1 must be integer number but got floating-point number", "bits.and", "7.2", "42");
        TypeError("operand 1 must be integer number but got floating-point number", "bits.lsh", "7.2", "42");
        TypeError("operand 1 must be integer number but got floating-point number", "bits.rsh", "7.2", "42");
        TypeError("operand 2 must be integer number but got floating-point number", "bits.or", "1", "1.5");
        TypeError("operand 1 must be integer number but got floating-point number", "bits.negate", "1.5");
        TypeError("operand 2 must be an unsigned integer number but got a negative integer", "bits.lsh", "1", "-1");
        TypeError("operand 2 must be an unsigned integer number but got a negative integer", "bits.rsh", "1", "-1");
        TypeError("operand 1 must be integer but got string", "bits.xor", "\"a\"", "1");
    }
}

public sealed class ComparisonTests
{
    [Theory]
    [InlineData("equal", "1", "1.0", true)]
    [InlineData("equal", "\"1\"", "1", false)]
    [InlineData("neq", "28857836529306024611913", "28857836529306024611912", true)]
    [InlineData("lt", "null", "false", true)]
    [InlineData("lt", "false", "0", true)]
    [InlineData("lt", "1000", "\"a\"", true)]
    [InlineData("lt", "\"z\"", "[]", true)]
    [InlineData("lt", "[]", "{}", true)]
    [InlineData("lt", "{}", "set()", true)]
    [InlineData("lte", "[1, 2]", "[1, 2]", true)]
    [InlineData("gt", "[1, 3]", "[1, 2, 4]", true)]
    [InlineData("gte", "{\"a\": 1}", "{\"a\": 2}", false)]
    [InlineData("gt", "1.5", "1", true)]
    public void ComparesByOpasOrder(string name, string a, string b, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call(name, a, b));
}
