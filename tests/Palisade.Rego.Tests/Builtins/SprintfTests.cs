using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class SprintfTests
{
    [Theory]
    [InlineData("hi %s", "[\"there\"]", "hi there")]
    [InlineData("hi %02X.%02X", "[127, 1]", "hi 7F.01")]
    [InlineData("hi %.2f", "[3.1415]", "hi 3.14")]
    [InlineData("hi %v", "[2e308]", "hi 2e308")]
    [InlineData("hi %s", "[true]", "hi true")]
    [InlineData("hi %v", "[[\"there\", 5, 3.14]]", "hi [\"there\", 5, 3.14]")]
    [InlineData("%d", "[42]", "42")]
    [InlineData("%d", "[-7]", "-7")]
    [InlineData("%5d|%-5d|%05d", "[1, 2, -3]", "    1|2    |-0003")]
    [InlineData("%+d % d", "[5, 5]", "+5  5")]
    [InlineData("%x %X %o %b %O", "[255, 255, 8, 5, 8]", "ff FF 10 101 0o10")]
    [InlineData("%#x %#o %#b", "[255, 8, 5]", "0xff 010 0b101")]
    [InlineData("%c%c", "[72, 105]", "Hi")]
    [InlineData("%q", "[65]", "'A'")]
    [InlineData("%U", "[65]", "U+0041")]
    [InlineData("%v", "[1.5]", "1.5")]
    [InlineData("%v", "[0.000001]", "1e-06")]
    [InlineData("%v", "[1234567.5]", "1.2345675e+06")]
    [InlineData("%v", "[123456.5]", "123456.5")]
    [InlineData("%e", "[1234.5678]", "1.234568e+03")]
    [InlineData("%E", "[0.5]", "5.000000E-01")]
    [InlineData("%f", "[0.1]", "0.100000")]
    [InlineData("%.0f", "[2.5]", "2")]
    [InlineData("%.0f", "[3.5]", "4")]
    [InlineData("%.1f", "[0.25]", "0.2")]
    [InlineData("%g", "[0.5]", "0.5")]
    [InlineData("%.3g", "[3.14159]", "3.14")]
    [InlineData("%.3g", "[1234.5]", "1.23e+03")]
    [InlineData("%8.3f|%-8.2f|%08.3f", "[3.14159, 2.5, -3.14159]", "   3.142|2.50    |-003.142")]
    [InlineData("%s", "[{\"a\": [1, null]}]", "{\"a\": [1, null]}")]
    [InlineData("%v", "[null]", "null")]
    [InlineData("%q", "[\"a\\\"b\"]", "\"a\\\"b\"")]
    [InlineData("%x", "[\"hi\"]", "6869")]
    [InlineData("% X", "[\"hi\"]", "68 69")]
    [InlineData("%.2s|%5s|%-5s|", "[\"hello\", \"ab\", \"ab\"]", "he|   ab|ab   |")]
    [InlineData("%T %T %T %T", "[1, 1.5, \"s\", true]", "int float64 string string")]
    [InlineData("100%%", "[]", "100%")]
    [InlineData("%[2]d %[1]d", "[1, 2]", "2 1")]
    [InlineData("%*d", "[4, 7]", "   7")]
    [InlineData("%v", "[12345678901234567890]", "12345678901234567890")]
    [InlineData("%x", "[12345678901234567890]", "ab54a98ceb1f0ad2")]
    [InlineData("%d", "[1e3]", "%!d(float64=1000)")]
    public void Formats(string format, string args, string expected) => Assert.Equal(S(expected), Call("sprintf", S(format), J(args)));

    [Theory]
    [InlineData("%d", "[\"x\"]", "%!d(string=x)")]
    [InlineData("%s", "[1]", "%!s(int=1)")]
    [InlineData("%d", "[1.5]", "%!d(float64=1.5)")]
    [InlineData("%t", "[true]", "%!t(string=true)")]
    [InlineData("%f", "[12345678901234567890]", "%!f(big.Int=12345678901234567890)")]
    [InlineData("%d %d", "[1]", "1 %!d(MISSING)")]
    [InlineData("%d", "[1, \"a\", 2.5]", "1%!(EXTRA string=a, float64=2.5)")]
    [InlineData("%", "[]", "%!(NOVERB)")]
    [InlineData("%[3]d", "[1]", "%!d(BADINDEX)")]
    public void WrongVerbsPrintGoDiagnostics(string format, string args, string expected) =>
        Assert.Equal(S(expected), Call("sprintf", S(format), J(args)));

    [Fact]
    public void SecondOperandMustBeArray() =>
        Assert.Equal("operand 2 must be array but got string", Error("sprintf", S("%s"), S("x")).Message);
}
