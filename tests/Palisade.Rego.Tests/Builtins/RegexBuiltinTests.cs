using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class RegexBuiltinTests
{
    [Theory]
    [InlineData("^[a-z]+\\[[0-9]+\\]$", "foo[1]", true)]
    [InlineData("^$", "", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", true)]
    [InlineData("^$", "something", false)]
    [InlineData("^a$", "a\n", false)]
    [InlineData("(?m)^b$", "a\nb\nc", true)]
    [InlineData("^.$", "😀", true)]
    [InlineData("^[^a]$", "😀", true)]
    [InlineData("^[😀-😂]+$", "😁😀", true)]
    [InlineData("^\\d+$", "١٢", false)]
    [InlineData("^\\w+$", "héllo", false)]
    [InlineData("^\\pL+$", "héllo", true)]
    [InlineData("^\\p{Greek}+$", "αβγ", true)]
    [InlineData("^[[:alpha:]]+$", "abc", true)]
    [InlineData("^[[:^digit:]]+$", "abc", true)]
    [InlineData("^(?P<first>a)(?<second>b)$", "ab", true)]
    [InlineData("^\\Qa.b\\E$", "a.b", true)]
    [InlineData("^\\Qa.b\\E$", "axb", false)]
    [InlineData("^\\x{1F600}\\x41$", "😀A", true)]
    [InlineData("(?i)^ABC$", "abc", true)]
    [InlineData("^(?i:a)B$", "Ab", false)]
    [InlineData("^a.c$", "a\nc", false)]
    [InlineData("(?s)^a.c$", "a\nc", true)]
    [InlineData("^a{2,3}$", "aaa", true)]
    [InlineData("^a{,3}$", "a{,3}", true)]
    [InlineData("\\z", "x", true)]
    public void Match(string pattern, string text, bool expected)
    {
        Assert.Equal(BooleanValue.Of(expected), Call("regex.match", S(pattern), S(text)));
        Assert.Equal(BooleanValue.Of(expected), Call("re_match", S(pattern), S(text)));
    }

    [Theory]
    [InlineData("$^[[[", "error parsing regexp: missing closing ]: `[[[`")]
    [InlineData("++", "error parsing regexp: missing argument to repetition operator: `+`")]
    [InlineData("a**", "error parsing regexp: invalid nested repetition operator: `**`")]
    [InlineData("(a", "error parsing regexp: missing closing ): `(a`")]
    [InlineData("a)", "error parsing regexp: unexpected ): `a)`")]
    [InlineData("(a)\\1", "error parsing regexp: invalid escape sequence: `\\1`")]
    [InlineData("a(?=b)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`")]
    [InlineData("a(?!b)", "error parsing regexp: invalid or unsupported Perl syntax: `(?!`")]
    [InlineData("a(?<=b)", "error parsing regexp: invalid named capture: `(?<=b)`")]
    [InlineData("[z-a]", "error parsing regexp: invalid character class range: `z-a`")]
    [InlineData("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`")]
    [InlineData("\\Z", "error parsing regexp: invalid escape sequence: `\\Z`")]
    [InlineData("a\\", "error parsing regexp: trailing backslash at end of expression: ``")]
    [InlineData("\\p{Foo}", "error parsing regexp: invalid character class range: `\\p{Foo}`")]
    [InlineData("(?P<n>a)(?P<n>b)", "error parsing regexp: duplicate capture group name: `(?P<n>`")]
    public void InvalidPatternsFailWithGosMessages(string pattern, string message)
    {
        Assert.Equal(message, Error("regex.match", S(pattern), S("x")).Message);
        Assert.Equal(BooleanValue.False, Call("regex.is_valid", S(pattern)));
    }

    [Fact]
    public void IsValid()
    {
        Assert.Equal(BooleanValue.True, Call("regex.is_valid", S("^[a-z]+$")));
        Assert.Equal(BooleanValue.False, Call("regex.is_valid", N("10")));
    }

    [Theory]
    [InlineData("a.", "paranormal", -1, "[\"ar\", \"an\", \"al\"]")]
    [InlineData("a.", "paranormal", 2, "[\"ar\", \"an\"]")]
    [InlineData("a.", "paranormal", 0, "[]")]
    [InlineData("^a.", "abacadaeaf", -1, "[\"ab\"]")]
    [InlineData(".$", "abacadaeaf", -1, "[\"f\"]")]
    [InlineData("[abcdef]{2}", "abacadaeaf", -1, "[\"ab\", \"ac\", \"ad\", \"ae\", \"af\"]")]
    [InlineData("bork", "paranormal", -1, "[]")]
    [InlineData("a*", "baaac", -1, "[\"\", \"aaa\", \"\"]")]
    [InlineData("", "😀a", -1, "[\"\", \"\", \"\"]")]
    public void FindN(string pattern, string text, int n, string expected) =>
        Assert.Equal(J(expected), Call("regex.find_n", S(pattern), S(text), NumberValue.Of(n)));

    [Theory]
    [InlineData("a(x*)b", "-", -1, "[]")]
    [InlineData("a(x*)b", "-axxb-", -1, "[[\"axxb\", \"xx\"]]")]
    [InlineData("a(x*)b", "-ab-axb-", -1, "[[\"ab\", \"\"], [\"axb\", \"x\"]]")]
    [InlineData("[^aouiye]([aouiye])([^aouiye])?", "somestri", -1, "[[\"som\", \"o\", \"m\"], [\"ri\", \"i\", \"\"]]")]
    [InlineData("[^aouiye]([aouiye])([^aouiye])?", "somestri", 1, "[[\"som\", \"o\", \"m\"]]")]
    [InlineData("(?P<x>a)(b)", "ab", -1, "[[\"ab\", \"a\", \"b\"]]")]
    [InlineData("^.*$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabc", -1, "[[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabc\"]]")]
    public void FindAllStringSubmatch(string pattern, string text, int n, string expected) =>
        Assert.Equal(J(expected), Call("regex.find_all_string_submatch_n", S(pattern), S(text), NumberValue.Of(n)));

    [Theory]
    [InlineData("-wy-wxxy-", "w(x*)y", "0", "-0-0-")]
    [InlineData("foo", "(foo)", "$1$1", "foofoo")]
    [InlineData("foo", "^[a-z]", "F", "Foo")]
    [InlineData("foo", "^[a-z]$", "F", "foo")]
    [InlineData("foo", "^[a-z]+$", "M", "M")]
    [InlineData("foo", "[a-z]$", "F", "foF")]
    [InlineData("foo", "x[a-z]$", "F", "foo")]
    [InlineData("foo bar", "[a-z]", "_", "___ ___")]
    [InlineData("foo barx", "[a-z]{3}", "_", "_ _x")]
    [InlineData("foo barx", "[a-z]{2}", "_", "_o __")]
    [InlineData("ab", "(?P<first>a)(b)", "${first}-$2-$$-$1x-${3}", "a-b-$--")]
    [InlineData("baaac", "a*", "-", "-b-c-")]
    public void Replace(string text, string pattern, string replacement, string expected) =>
        Assert.Equal(S(expected), Call("regex.replace", S(text), S(pattern), S(replacement)));

    [Fact]
    public void ReplaceWithBadPatternFails() =>
        Assert.Equal("error parsing regexp: missing closing ]: `[`", Error("regex.replace", S("foo"), S("["), S("$1")).Message);

    [Theory]
    [InlineData("^[a-z]+\\[[0-9]+\\]$", "", "[\"\"]")]
    [InlineData("^[a-z]+", "foobar baz", "[\"\", \" baz\"]")]
    [InlineData("[a-z]+$", "foobar baz", "[\"foobar \", \"\"]")]
    [InlineData("^[a-z]+$", "foobar baz", "[\"foobar baz\"]")]
    [InlineData("^[a-z ]+$", "foobar baz", "[\"\", \"\"]")]
    [InlineData("a", "banana", "[\"b\", \"n\", \"n\", \"\"]")]
    [InlineData("z+", "pizza", "[\"pi\", \"a\"]")]
    [InlineData("", "abc", "[\"a\", \"b\", \"c\"]")]
    public void Split(string pattern, string text, string expected) =>
        Assert.Equal(J(expected), Call("regex.split", S(pattern), S(text)));

    [Theory]
    [InlineData("urn:foo:{.*}", "urn:foo:bar:baz", "{", "}", true)]
    [InlineData("urn:foo:<.*>", "urn:foo:bar:baz", "<", ">", true)]
    [InlineData("urn:foo:{[0-9]+}", "urn:foo:bar", "{", "}", false)]
    [InlineData("urn.foo:{.*}", "urnxfoo:bar", "{", "}", false)]
    public void TemplateMatch(string template, string text, string open, string close, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call("regex.template_match", S(template), S(text), S(open), S(close)));

    [Fact]
    public void TemplateMatchErrors()
    {
        Assert.Equal("unbalanced braces in \"urn:{foo\"", Error("regex.template_match", S("urn:{foo"), S("x"), S("{"), S("}")).Message);
        Assert.Equal("start delimiter has to be exactly one character long but is 2 long", Error("regex.template_match", S("x"), S("x"), S("{{"), S("}")).Message);
    }
}

public sealed class RegexDialectTests
{
    [Theory]
    [InlineData("(?U)a+", "aaa", "[\"a\", \"a\", \"a\"]")]
    [InlineData("(?U)a+?", "aaa", "[\"aaa\"]")]
    [InlineData("[^\\d\\s]+", "ab1 cd", "[\"ab\", \"cd\"]")]
    [InlineData("[\\p{Greek}\\d]+", "xαβ1y", "[\"αβ1\"]")]
    [InlineData("(?i)[a-c]+", "xABCx", "[\"ABC\"]")]
    [InlineData("[^\\pL]+", "ab12cd", "[\"12\"]")]
    [InlineData("[[:word:]]+", "a_1-b", "[\"a_1\", \"b\"]")]
    [InlineData("\\pN+", "x42y", "[\"42\"]")]
    [InlineData("[^a]", "😀", "[\"😀\"]")]
    [InlineData("\\x41\\101", "AA", "[\"AA\"]")]
    [InlineData("a|b|", "ab", "[\"a\", \"b\"]")]
    [InlineData("a|b|", "abc", "[\"a\", \"b\", \"\"]")]
    public void FindsAsGoDoes(string pattern, string text, string expected) =>
        Assert.Equal(Builtin.J(expected), Builtin.Call("regex.find_n", Builtin.S(pattern), Builtin.S(text), Builtin.N("-1")));
}

public sealed class RegexEngineLimitsTests
{
    [Theory]
    [InlineData("\\bfoo\\b", "a foo b", true)]
    [InlineData("\\bfoo\\b", "afoob", false)]
    [InlineData("(?i)\\bFOO", "x foo", true)]
    [InlineData("(^a)*b", "ab", true)]
    [InlineData("x*$", "", true)]
    [InlineData("(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", false)]
    public void Matches(string pattern, string text, bool expected) =>
        Assert.Equal(Palisade.Rego.Values.BooleanValue.Of(expected), Builtin.Call("regex.match", Builtin.S(pattern), Builtin.S(text)));
}
