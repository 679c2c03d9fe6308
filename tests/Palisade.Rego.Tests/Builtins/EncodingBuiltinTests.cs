using Palisade.Rego.Builtins;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class EncodingBuiltinTests
{
    [Theory]
    [InlineData("base64.encode", "there", "dGhlcmU=")]
    [InlineData("base64.encode", "subjects?_d", "c3ViamVjdHM/X2Q=")]
    [InlineData("base64.decode", "aGVsbG8=", "hello")]
    [InlineData("base64.decode", "dGhlcmU=", "there")]
    [InlineData("base64.decode", "c3ViamVjdHM/X2Q=", "subjects?_d")]
    [InlineData("base64.decode", "aGVs\nbG8=", "hello")]
    [InlineData("base64url.encode", "hello", "aGVsbG8=")]
    [InlineData("base64url.encode", "subjects?_d", "c3ViamVjdHM_X2Q=")]
    [InlineData("base64url.encode_no_pad", "hello", "aGVsbG8")]
    [InlineData("base64url.encode_no_pad", "there", "dGhlcmU")]
    [InlineData("base64url.decode", "aGVsbG8=", "hello")]
    [InlineData("base64url.decode", "aGVsbG8", "hello")]
    [InlineData("base64url.decode", "c3ViamVjdHM_X2Q", "subjects?_d")]
    [InlineData("hex.encode", "lorem ipsum", "6c6f72656d20697073756d")]
    [InlineData("hex.decode", "6c6f72656d20697073756d", "lorem ipsum")]
    [InlineData("hex.decode", "C3A5", "å")]
    [InlineData("urlquery.encode", "", "")]
    [InlineData("urlquery.encode", "a=b+1 c~d/é", "a%3Db%2B1+c~d%2F%C3%A9")]
    [InlineData("urlquery.decode", "a%3Db%2B1", "a=b+1")]
    [InlineData("urlquery.decode", "a+b%C3%A9", "a bé")]
    public void Codecs(string name, string input, string expected) => Assert.Equal(S(expected), Call(name, S(input)));

    [Theory]
    [InlineData("base64.decode", "aGVsbG8", "illegal base64 data at input byte 4")]
    [InlineData("base64.decode", "{'not':'base64'}", "illegal base64 data at input byte 0")]
    [InlineData("base64.decode", "aGVsbG8=x", "illegal base64 data at input byte 8")]
    [InlineData("base64.decode", "aG=", "illegal base64 data at input byte 3")]
    [InlineData("base64url.decode", "aGVsb", "illegal base64url string: aGVsb")]
    [InlineData("hex.decode", "fghijkl", "encoding/hex: invalid byte: U+0067 'g'")]
    [InlineData("hex.decode", "abc", "encoding/hex: odd length hex string")]
    [InlineData("urlquery.decode", "a%zzb", "invalid URL escape \"%zz\"")]
    [InlineData("urlquery.decode", "a%2", "invalid URL escape \"%2\"")]
    public void DecodeErrors(string name, string input, string message) => Assert.Equal(message, Error(name, S(input)).Message);

    [Theory]
    [InlineData("aGVsbG8=", true)]
    [InlineData("{'not':'base64'}", false)]
    [InlineData("aGVsbG8", false)]
    public void Base64IsValid(string input, bool expected) => Assert.Equal(BooleanValue.Of(expected), Call("base64.is_valid", S(input)));

    [Theory]
    [InlineData("{}", "")]
    [InlineData("{\"a\": \"b\", \"c\": \"d\"}", "a=b&c=d")]
    [InlineData("{\"a\": \"c=b+1\"}", "a=c%3Db%2B1")]
    [InlineData("{\"a\": [\"b+1\", \"c+2\"]}", "a=b%2B1&a=c%2B2")]
    [InlineData("{\"z\": \"1\", \"a b\": [\"x\"]}", "a+b=x&z=1")]
    public void EncodeObject(string json, string expected) => Assert.Equal(S(expected), Call("urlquery.encode_object", J(json)));

    [Fact]
    public void EncodeObjectWithSetAndBadValues()
    {
        Assert.Equal(S("a=x&a=y"), Call("urlquery.encode_object", ObjectValue.Of(("a", Set(S("y"), S("x"))))));
        Assert.Equal("operand 1 values must be string, array[string], or set[string]", Error("urlquery.encode_object", J("{\"a\": 1}")).Message);
    }

    [Theory]
    [InlineData("a=value_a1&b=value_b&a=value_a2", "{\"a\": [\"value_a1\", \"value_a2\"], \"b\": [\"value_b\"]}")]
    [InlineData("a=value_a1&b", "{\"a\": [\"value_a1\"], \"b\": [\"\"]}")]
    [InlineData("", "{}")]
    [InlineData("a+b=c%20d&&x=", "{\"a b\": [\"c d\"], \"x\": [\"\"]}")]
    public void DecodeObject(string query, string expected) => Assert.Equal(J(expected), Call("urlquery.decode_object", S(query)));

    [Fact]
    public void DecodeObjectRejectsSemicolons() =>
        Assert.Equal("invalid semicolon separator in query", Error("urlquery.decode_object", S("a=1;b=2")).Message);

    [Fact]
    public void JsonMarshal()
    {
        Assert.Equal(S("[{\"foo\":[1,2,3]}]"), Call("json.marshal", Arr(ObjectValue.Of(("foo", Set(N("3"), N("1"), N("2")))))));
        Assert.Equal(S("[1234567890,2000000,1000000000]"), Call("json.marshal", J("[1234567890, 2000000, 1000000000]")));
        Assert.Equal(S("{\"a\":\"\\u003cb\\u003e \\u0026 \\\"q\\\" \\n\",\"b\":null,\"c\":true,\"d\":1.5}"),
            Call("json.marshal", J("{\"d\": 1.5, \"c\": true, \"b\": null, \"a\": \"<b> & \\\"q\\\" \\n\"}")));
        var numericKeys = ObjectValue.Of([new KeyValuePair<Value, Value>(N("10"), S("x")), new KeyValuePair<Value, Value>(N("9"), S("y"))]);
        Assert.Equal(S("{\"10\":\"x\",\"9\":\"y\"}"), Call("json.marshal", numericKeys));
        Assert.Equal(S("12345678901234567890123"), Call("json.marshal", N("12345678901234567890123")));
    }

    [Theory]
    [InlineData("{\"indent\": \"  \"}", "[\n  1234567890,\n  2000000,\n  1000000000\n]")]
    [InlineData("{}", "[1234567890,2000000,1000000000]")]
    [InlineData("{\"pretty\": true}", "[\n\t1234567890,\n\t2000000,\n\t1000000000\n]")]
    [InlineData("{\"pretty\": false, \"prefix\": \"NO!\", \"indent\": \"BAD!\"}", "[1234567890,2000000,1000000000]")]
    [InlineData("{\"prefix\": \"JSON => \"}", "JSON => [\nJSON => \t1234567890,\nJSON => \t2000000,\nJSON => \t1000000000\nJSON => ]")]
    public void JsonMarshalWithOptions(string options, string expected) =>
        Assert.Equal(S(expected), Call("json.marshal_with_options", J("[1234567890, 2000000, 1000000000]"), J(options)));

    [Fact]
    public void JsonMarshalWithOptionsLayouts()
    {
        Assert.Equal(S("JSON => {\nJSON => \t\"bar\": \"baz\",\nJSON => \t\"foo\": \"bar\"\nJSON => }"),
            Call("json.marshal_with_options", J("{\"foo\": \"bar\", \"bar\": \"baz\"}"), J("{\"prefix\": \"JSON => \"}")));
        Assert.Equal(S("---[]"), Call("json.marshal_with_options", J("[]"), J("{\"indent\": \"    \", \"prefix\": \"---\"}")));
        Assert.Equal(S("[\n    [\n        [\n            []\n        ]\n    ]\n]"), Call("json.marshal_with_options", J("[[[[]]]]"), J("{\"indent\": \"    \"}")));
        var error = Assert.IsType<BuiltinTypeException>(Error("json.marshal_with_options", J("[]"), J("{\"indent\": \"    \", \"include_winning_lottery_numbers\": true}")));
        Assert.Equal("operand 2 object contained unknown key \"include_winning_lottery_numbers\"", error.Message);
    }

    [Theory]
    [InlineData("{\"a\": [1, 2.5, \"x\", null, true, false, {}]}")]
    [InlineData("  12345678901234567890123  ")]
    [InlineData("\"\\u00e5\\n\\/\"")]
    public void JsonUnmarshal(string json)
    {
        Assert.Equal(J(json), Call("json.unmarshal", S(json)));
        Assert.Equal(BooleanValue.True, Call("json.is_valid", S(json)));
    }

    [Theory]
    [InlineData("", "EOF")]
    [InlineData("{", "unexpected EOF")]
    [InlineData("[1,]", "invalid character ']' looking for beginning of value")]
    [InlineData("{\"a\" 1}", "invalid character '1' after object key")]
    [InlineData("{\"a\": 1 \"b\"}", "invalid character '\"' after object key:value pair")]
    [InlineData("[1 2]", "invalid character '2' after array element")]
    [InlineData("{1: 2}", "invalid character '1' looking for beginning of object key string")]
    [InlineData("tru", "unexpected EOF")]
    [InlineData("trux", "invalid character 'x' in literal true (expecting 'e')")]
    [InlineData("01", "error: invalid character '1' after top-level value")]
    [InlineData("1 }", "invalid character '}' looking for beginning of value")]
    [InlineData("\"a\tb\"", "invalid character '\\t' in string literal")]
    [InlineData("-x", "invalid character 'x' in numeric literal")]
    public void JsonUnmarshalErrors(string json, string message)
    {
        Assert.Equal(message, Error("json.unmarshal", S(json)).Message);
        Assert.Equal(BooleanValue.False, Call("json.is_valid", S(json)));
    }

    [Fact]
    public void JsonUnmarshalNeedsAString()
    {
        Assert.Equal("operand 1 must be string but got number", Error("json.unmarshal", N("1")).Message);
        Assert.Equal(BooleanValue.False, Call("json.is_valid", N("1")));
    }

    [Theory]
    [InlineData("a: 1\nb: [x, \"y\", 2.5]\nc:\n  d: null\n", "{\"a\": 1, \"b\": [\"x\", \"y\", 2.5], \"c\": {\"d\": null}}")]
    [InlineData("- yes\n- no\n- on\n- off\n- ~\n- 0x1F\n- 017\n- 1_000\n- 1e3\n- '1'\n- .5\n", "[true, false, true, false, null, 31, 15, 1000, 1000, \"1\", 0.5]")]
    [InlineData("1: a\ntrue: b\n1.5: c\n", "{\"1\": \"a\", \"true\": \"b\", \"1.5\": \"c\"}")]
    [InlineData("base: &b {p: 1, q: 2}\nderived:\n  <<: *b\n  q: 3\n", "{\"base\": {\"p\": 1, \"q\": 2}, \"derived\": {\"p\": 1, \"q\": 3}}")]
    [InlineData("y: n\n", "{\"true\": false}")]
    [InlineData("", "null")]
    [InlineData("text: |\n  line1\n  line2\n", "{\"text\": \"line1\\nline2\\n\"}")]
    [InlineData("first: 1\n---\nsecond: 2\n", "{\"first\": 1}")]
    public void YamlUnmarshal(string yaml, string expected)
    {
        Assert.Equal(J(expected), Call("yaml.unmarshal", S(yaml)));
        Assert.Equal(BooleanValue.True, Call("yaml.is_valid", S(yaml)));
    }

    [Fact]
    public void YamlUnmarshalErrors()
    {
        Assert.StartsWith("yaml: line 1: did not find", Error("yaml.unmarshal", S("[1,2,3")).Message);
        Assert.Equal(BooleanValue.False, Call("yaml.is_valid", S("a: [1, 2")));
        Assert.Equal(BooleanValue.False, Call("yaml.is_valid", N("1")));
    }

    [Theory]
    [InlineData("{\"a\": 1, \"b\": [\"x\", \"true\", \"\"], \"c\": {\"d\": null}}", "a: 1\nb:\n- x\n- \"true\"\n- \"\"\nc:\n  d: null\n")]
    [InlineData("[{\"a\": 1, \"b\": 2}, [1, 2], []]", "- a: 1\n  b: 2\n- - 1\n  - 2\n- []\n")]
    [InlineData("\"hello\"", "hello\n")]
    [InlineData("{\"k\": \"a: b\", \"n\": 1.5, \"e\": {}}", "e: {}\nk: 'a: b'\n\"n\": 1.5\n")]
    [InlineData("{\"s\": \"x\\ny\"}", "s: |-\n  x\n  y\n")]
    public void YamlMarshal(string json, string expected) => Assert.Equal(S(expected), Call("yaml.marshal", J(json)));

    [Fact]
    public void YamlRoundTrips()
    {
        var value = J("{\"a\": [1, {\"b\": \"c: d\", \"e\": [\"no\", \"1.0\", \"#x\"]}], \"f\": \"multi\\nline\\n\"}");
        var yaml = Call("yaml.marshal", value)!;
        Assert.Equal(value, Call("yaml.unmarshal", yaml));
    }
}

public sealed class YamlTimestampTests
{
    [Theory]
    [InlineData("d: 2001-12-14", "{\"d\": \"2001-12-14T00:00:00Z\"}")]
    [InlineData("d: 2001-12-14T21:59:43.10Z", "{\"d\": \"2001-12-14T21:59:43.1Z\"}")]
    [InlineData("d: 2001-12-14t21:59:43-05:00", "{\"d\": \"2001-12-14T21:59:43-05:00\"}")]
    [InlineData("d: 2001-2-3 4:05:06", "{\"d\": \"2001-02-03T04:05:06Z\"}")]
    [InlineData("d: '2001-12-14'", "{\"d\": \"2001-12-14\"}")]
    [InlineData("d: 2001-13-14", "{\"d\": \"2001-13-14\"}")]
    [InlineData("d: 2001-12-14 21:59:43.10 -5", "{\"d\": \"2001-12-14 21:59:43.10 -5\"}")]
    public void UnquotedTimestampsBecomeRfc3339(string yaml, string expected) =>
        Assert.Equal(Builtin.J(expected), Builtin.Call("yaml.unmarshal", Builtin.S(yaml)));
}

public sealed class YamlQuotingTests
{
    [Theory]
    [InlineData("2001-12-14", "\"2001-12-14\"\n")]
    [InlineData("1:20", "\"1:20\"\n")]
    [InlineData("yes", "\"yes\"\n")]
    [InlineData("~", "\"~\"\n")]
    [InlineData("@home", "'@home'\n")]
    [InlineData("plain text", "plain text\n")]
    public void StringsThatWouldReadBackDifferentlyAreQuoted(string text, string expected) =>
        Assert.Equal(Builtin.S(expected), Builtin.Call("yaml.marshal", Builtin.S(text)));
}

public sealed class YamlFoldingTests
{
    [Fact]
    public void LongPlainScalarsFoldAtEightyColumns()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 20)); // 99 characters
        var yaml = ((Palisade.Rego.Values.StringValue)Builtin.Call("yaml.marshal", Palisade.Rego.Values.ObjectValue.Of(("key", Builtin.S(words))))!).Value;

        // "key: " plus 16 words and their spaces reaches column 84 (> 80); the next space becomes a line break.
        var first = "key: " + string.Join(' ', Enumerable.Repeat("word", 16));
        Assert.Equal(first + "\n  " + string.Join(' ', Enumerable.Repeat("word", 4)) + "\n", yaml);
        Assert.Equal(Palisade.Rego.Values.ObjectValue.Of(("key", Builtin.S(words))), Builtin.Call("yaml.unmarshal", Builtin.S(yaml)));
    }
}

public sealed class DeepInputTests
{
    [Fact]
    public void DeeplyNestedJsonFailsInsteadOfOverflowingTheStack()
    {
        var deep = new string('[', 200_000) + new string(']', 200_000);
        Assert.Equal("exceeded max depth", Builtin.Error("json.unmarshal", Builtin.S(deep)).Message);
        Assert.Equal(Palisade.Rego.Values.BooleanValue.False, Builtin.Call("json.is_valid", Builtin.S(deep)));
    }

    [Fact]
    public void NestingUpToGosLimitIsRead()
    {
        var deep = new string('[', 500) + new string(']', 500);
        Assert.NotNull(Builtin.Call("json.unmarshal", Builtin.S(deep)));
    }

    [Fact]
    public void DeeplyNestedYamlFailsInsteadOfOverflowingTheStack()
    {
        var deep = new string('[', 200_000) + new string(']', 200_000);
        Assert.ThrowsAny<Palisade.Rego.Builtins.BuiltinException>(() => Builtin.Call("yaml.unmarshal", Builtin.S(deep)));
    }
}
