using Palisade.Rego.Builtins;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class StringBuiltinTests
{
    [Fact]
    public void Concat()
    {
        Assert.Equal(S("/foo/bar/0/baz"), Call("concat", S("/"), J("[\"\", \"foo\", \"bar\", \"0\", \"baz\"]")));
        Assert.Equal(S("1,2,3"), Call("concat", S(","), Set(S("3"), S("1"), S("2"))));
        Assert.Equal(S(""), Call("concat", S(","), J("[]")));
        Assert.Equal("operand 2 must be array of strings but got array containing number", Error("concat", S(","), J("[\"a\", 1]")).Message);
        Assert.Equal("operand 2 must be one of {set, array} but got string", Error("concat", S(","), S("a")).Message);
    }

    [Theory]
    [InlineData(15.5, 16, "f")]
    [InlineData(4.1, 10, "4")]
    [InlineData(-15.5, 16, "-f")]
    [InlineData(10, 2, "1010")]
    [InlineData(8, 8, "10")]
    public void FormatInt(double number, int radix, string expected) =>
        Assert.Equal(S(expected), Call("format_int", NumberValue.Of(number), NumberValue.Of(radix)));

    [Fact]
    public void FormatIntBadBase()
    {
        var error = Assert.IsType<BuiltinTypeException>(Error("format_int", N("4.1"), N("199")));
        Assert.Equal("operand 2 must be one of {2, 8, 10, 16}", error.Message);
    }

    [Theory]
    [InlineData("abcdefgh", "cde", 2)]
    [InlineData("abcabcabcdefgh", "cde", 8)]
    [InlineData("abcdefgh", "xyz", -1)]
    [InlineData("μx", "x", 1)]
    [InlineData("μ", "μμ", -1)]
    [InlineData("skön var våren", "vår", 9)]
    [InlineData("🍧🍨🧁🍰🍮", "🍮", 4)]
    [InlineData("🍧🍨🧁🍰🍮", "🍧🍨🧁🍰🍮", 0)]
    public void IndexOf(string text, string needle, int expected) => Assert.Equal(NumberValue.Of(expected), Call("indexof", S(text), S(needle)));

    [Fact]
    public void IndexOfN()
    {
        Assert.Equal(J("[0, 2, 4]"), Call("indexof_n", S("ababa"), S("a")));
        Assert.Equal(J("[1, 3]"), Call("indexof_n", S("🍧μ🍨μ"), S("μ")));
        Assert.Equal(J("[]"), Call("indexof_n", S("abc"), S("x")));
        Assert.Equal("empty search character", Error("indexof_n", S("abc"), S("")).Message);
        Assert.Equal("empty search character", Error("indexof", S("abc"), S("")).Message);
    }

    [Theory]
    [InlineData("abcdefgh", 2, -1, "cdefgh")]
    [InlineData("aåäö", 2, -1, "äö")]
    [InlineData("abcdefgh", 2, 10000, "cdefgh")]
    [InlineData("abcdefghåäö", 2, 10000, "cdefghåäö")]
    [InlineData("aaa", 3, -1, "")]
    [InlineData("åäö", 4, -1, "")]
    [InlineData("abcdef", 1, 2, "bc")]
    [InlineData("😀😁😂", 1, 1, "😁")]
    public void Substring(string text, int start, int length, string expected) =>
        Assert.Equal(S(expected), Call("substring", S(text), NumberValue.Of(start), NumberValue.Of(length)));

    [Fact]
    public void SubstringErrors()
    {
        Assert.Equal("negative offset", Error("substring", S("åäö"), N("-1"), N("-1")).Message);
        Assert.IsType<BuiltinTypeException>(Error("substring", S("abc"), N("1.5"), N("1")));
    }

    [Fact]
    public void ContainsStartsEnds()
    {
        Assert.Equal(BooleanValue.True, Call("contains", S("abcdefgh"), S("defg")));
        Assert.Equal(BooleanValue.False, Call("contains", S("abcdefgh"), S("ac")));
        Assert.Equal(BooleanValue.True, Call("startswith", S("abcdefgh"), S("abcd")));
        Assert.Equal(BooleanValue.False, Call("startswith", S("abcdefgh"), S("bcd")));
        Assert.Equal(BooleanValue.True, Call("endswith", S("abcdefgh"), S("fgh")));
        Assert.Equal(BooleanValue.False, Call("endswith", S("abcdefgh"), S("fg")));
        Assert.Equal("operand 2 must be string but got number", Error("contains", S("a"), N("1")).Message);
    }

    [Fact]
    public void Case()
    {
        Assert.Equal(S("abcdef"), Call("lower", S("AbCdEf")));
        Assert.Equal(S("ABCDEF"), Call("upper", S("AbCdEf")));
        Assert.Equal(S("ÅÄÖ"), Call("upper", S("åäö")));
    }

    [Fact]
    public void Split()
    {
        Assert.Equal(J("[\"\"]"), Call("split", S(""), S(".")));
        Assert.Equal(J("[\"t\", \"e\", \"s\", \"t\"]"), Call("split", S("test"), S("")));
        Assert.Equal(J("[]"), Call("split", S(""), S("")));
        Assert.Equal(J("[\"foo\"]"), Call("split", S("foo"), S(".")));
        Assert.Equal(J("[\"foo\", \"bar\", \"baz\"]"), Call("split", S("foo.bar.baz"), S(".")));
        Assert.Equal(J("[\"😀\", \"x\"]"), Call("split", S("😀x"), S("")));
    }

    [Theory]
    [InlineData("", "hi", "bye", "")]
    [InlineData("foo.bar", ".", ",", "foo,bar")]
    [InlineData("foo.bar.baz", ".", ",", "foo,bar,baz")]
    [InlineData("foo...bar", "..", ",,", "foo,,.bar")]
    [InlineData("abc", "", "-", "-a-b-c-")]
    [InlineData("", "", "-", "-")]
    public void Replace(string text, string old, string replacement, string expected) =>
        Assert.Equal(S(expected), Call("replace", S(text), S(old), S(replacement)));

    [Fact]
    public void ReplaceN()
    {
        Assert.Equal(S("This is &lt;b&gt;HTML&lt;/b&gt;!"), Call("strings.replace_n", J("{\"<\": \"&lt;\", \">\": \"&gt;\"}"), S("This is <b>HTML</b>!")));
        Assert.Equal(S("xoobar"), Call("strings.replace_n", J("{\"f\": \"x\", \"foo\": \"xxx\"}"), S("foobar")));
        Assert.Equal(S("xoo"), Call("strings.replace_n", J("{\"foo\": \"xxx\", \"f\": \"x\"}"), S("foo")));
        Assert.Equal(S("Everything is new1, new2"), Call("strings.replace_n", J("{\"old1\": \"new1\", \"old2\": \"new2\"}"), S("Everything is new1, new2")));
    }

    [Fact]
    public void ReplaceNErrors()
    {
        var key = ObjectValue.Of([new KeyValuePair<Value, Value>(N("2"), S("x"))]);
        Assert.Equal("operand 1 non-string key found in pattern object", Assert.IsType<BuiltinTypeException>(Error("strings.replace_n", key, S("foo"))).Message);
        Assert.Equal("operand 1 non-string value found in pattern object", Assert.IsType<BuiltinTypeException>(Error("strings.replace_n", J("{\"f\": 100}"), S("foo"))).Message);
        Assert.Equal("operand 2 must be string but got number", Error("strings.replace_n", J("{\"foo\": \"baz\"}"), N("100")).Message);
    }

    [Theory]
    [InlineData("trim", "foo.bar...", ".", "foo.bar")]
    [InlineData("trim", "...foo.bar", ".", "foo.bar")]
    [InlineData("trim", "...foo.bar...", ".o", "foo.bar")]
    [InlineData("trim", "¡¡¡foo, bar!!!", "i", "¡¡¡foo, bar!!!")]
    [InlineData("trim", "¡¡¡foo, bar!!!", "!¡", "foo, bar")]
    [InlineData("trim_left", "¡¡¡foo, bar!!!", "!¡", "foo, bar!!!")]
    [InlineData("trim_left", "!!!foo, bar¡¡¡", "¡", "!!!foo, bar¡¡¡")]
    [InlineData("trim_right", "!!!foo, bar¡¡¡", "!", "!!!foo, bar¡¡¡")]
    [InlineData("trim_right", "!!!foo, bar¡¡¡", "¡", "!!!foo, bar")]
    [InlineData("trim_prefix", "¡¡¡foo, bar!!!", "¡¡¡foo", ", bar!!!")]
    [InlineData("trim_prefix", "¡¡¡foo, bar!!!", "¡¡¡bar", "¡¡¡foo, bar!!!")]
    [InlineData("trim_suffix", "¡¡¡foo, bar!!!", ", bar!!!", "¡¡¡foo")]
    [InlineData("trim_suffix", "foo", "x", "foo")]
    public void Trim(string name, string text, string cut, string expected) => Assert.Equal(S(expected), Call(name, S(text), S(cut)));

    [Theory]
    [InlineData(" \t\n foo, bar \n\t\r\n", "foo, bar")]
    [InlineData("foo, bar", "foo, bar")]
    [InlineData("\u00a0\u3000x\u2028", "x")]
    public void TrimSpace(string text, string expected) => Assert.Equal(S(expected), Call("trim_space", S(text)));

    [Theory]
    [InlineData("bar", "rab")]
    [InlineData("2️⃣", "⃣️2")]
    [InlineData("1😀𝛾", "𝛾😀1")]
    [InlineData("", "")]
    public void Reverse(string text, string expected) => Assert.Equal(S(expected), Call("strings.reverse", S(text)));

    [Fact]
    public void ReverseRejectsNonStrings()
    {
        Assert.Equal("operand 1 must be string but got number", Error("strings.reverse", N("123")).Message);
        Assert.Equal("operand 1 must be string but got object", Error("strings.reverse", J("{\"bar\": \"baz\"}")).Message);
    }

    [Theory]
    [InlineData("cheese", "e", 3)]
    [InlineData("hello hello hello world", "hello", 3)]
    [InlineData("dummy", "x", 0)]
    [InlineData("dummy", "", 6)]
    [InlineData("", "", 1)]
    [InlineData("", "x", 0)]
    [InlineData("11111", "11", 2)]
    [InlineData("11111", "11111", 1)]
    [InlineData("😀😀", "", 3)]
    public void Count(string text, string needle, int expected) => Assert.Equal(NumberValue.Of(expected), Call("strings.count", S(text), S(needle)));

    [Theory]
    [InlineData("[\"a/b/c\", \"a/b/d\", \"e/f/g\"]", "[\"a/\", \"d/\"]", true)]
    [InlineData("[\"a/b/c\", \"a/b/d\", \"e/f/g\"]", "[\"f/\", \"d/\"]", false)]
    [InlineData("[\"aa/bb/cc\", \"aa/bb/dd\", \"ee/ff/gg\"]", "[\"aa/b\", \"e/f\"]", true)]
    [InlineData("[\"aa/bb/cc\", \"aa/bb/dd\", \"ee/ff/gg\"]", "[\"a/b\", \"e/f\"]", false)]
    [InlineData("[]", "[\"a/b\"]", false)]
    [InlineData("[\"a/b/c\"]", "[]", false)]
    [InlineData("[\"a/b/c\", \"a/b/d\"]", "\"a/\"", true)]
    [InlineData("\"a/b/c\"", "[\"g/\", \"d/\"]", false)]
    [InlineData("\"a/b/c\"", "[\"a/\", \"d/\"]", true)]
    public void AnyPrefixMatch(string strings, string prefixes, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call("strings.any_prefix_match", J(strings), J(prefixes)));

    [Fact]
    public void AnyPrefixMatchErrors()
    {
        Assert.Equal("operand 1 must be array of strings but got array containing number", Error("strings.any_prefix_match", J("[1, 2]"), J("[\"f/\"]")).Message);
        Assert.Equal("operand 1 must be one of {string, set, array} but got number", Error("strings.any_prefix_match", N("1"), J("[\"f/\"]")).Message);
        Assert.Equal("operand 2 must be array of strings but got array containing number", Error("strings.any_prefix_match", J("[\"a\"]"), J("[1, 2]")).Message);
        Assert.Equal("operand 2 must be one of {string, set, array} but got number", Error("strings.any_prefix_match", J("[\"a\"]"), N("1")).Message);
    }

    [Fact]
    public void AnySuffixMatch()
    {
        Assert.Equal(BooleanValue.True, Call("strings.any_suffix_match", S("foo.bar"), Set(S(".baz"), S(".bar"))));
        Assert.Equal(BooleanValue.False, Call("strings.any_suffix_match", J("[\"foo.bar\", \"x\"]"), S(".baz")));
    }
}

public sealed class StringEdgeTests
{
    [Fact]
    public void OffsetsBeyondIntBehaveLikeLargeInts()
    {
        Assert.Equal(Builtin.S("bc"), Builtin.Call("substring", Builtin.S("abc"), Builtin.N("1"), Builtin.N("5000000000")));
        Assert.Equal(Builtin.S(""), Builtin.Call("substring", Builtin.S("abc"), Builtin.N("5000000000"), Builtin.N("1")));
    }

    [Fact]
    public void FormatIntBaseMustBeWrittenAsAnInteger() =>
        Assert.Equal("operand 2 must be one of {2, 8, 10, 16}", Builtin.Error("format_int", Builtin.N("10"), Builtin.N("2.0")).Message);
}
