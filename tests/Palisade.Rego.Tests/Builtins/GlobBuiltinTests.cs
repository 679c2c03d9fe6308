using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class GlobBuiltinTests
{
    [Theory]
    [InlineData("*.github.com", "[\".\"]", "api.github.com", true)]
    [InlineData("api.**.com", "[\".\"]", "api.github.com", true)]
    [InlineData("api.**.com", "[\".\"]", "api.a.b.com", true)]
    [InlineData("api.*.com", "[\".\"]", "api.a.b.com", false)]
    [InlineData("*.github.com", "[\".\"]", "api.not-github.com", false)]
    [InlineData("[abc]at", "[]", "cat", true)]
    [InlineData("[abc]at", "[]", "fat", false)]
    [InlineData("[!abc]at", "[]", "fat", true)]
    [InlineData("[!abc]at", "[]", "cat", false)]
    [InlineData("[a-c]at", "[]", "bat", true)]
    [InlineData("[a-c]at", "[]", "fat", false)]
    [InlineData("[!a-c]at", "[]", "bat", false)]
    [InlineData("[!a-c]at", "[]", "fat", true)]
    [InlineData("?at", "[]", "fat", true)]
    [InlineData("?at", "[]", "at", false)]
    [InlineData("?at", "[\"f\"]", "fat", false)]
    [InlineData("{cat,bat,[fr]at}", "[]", "cat", true)]
    [InlineData("{cat,bat,[fr]at}", "[]", "fat", true)]
    [InlineData("{cat,bat,[fr]at}", "[]", "hat", false)]
    [InlineData("*", "[\".\"]", "foo", true)]
    [InlineData("*", "[]", "foo", true)]
    [InlineData("*", "[\".\"]", "foo.bar", false)]
    [InlineData("*", "[]", "foo.bar", false)]
    [InlineData("*", "null", "foo.bar", true)]
    [InlineData("foo*", "null", "foo.bar", true)]
    [InlineData("a/*/c", "[\"/\"]", "a/b/c", true)]
    [InlineData("a/*/c", "[\"/\"]", "a/b/x/c", false)]
    [InlineData("\\*.x", "[]", "*.x", true)]
    [InlineData("\\*.x", "[]", "a.x", false)]
    [InlineData("?", "[]", "😀", true)]
    public void Match(string pattern, string delimiters, string text, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call("glob.match", S(pattern), J(delimiters), S(text)));

    [Fact]
    public void MatchOperandErrors()
    {
        Assert.Equal("operand 2 must be one of {array, null} but got string", Error("glob.match", S("*"), S("."), S("x")).Message);
        Assert.Equal("operand 2 must be array of runes but got array containing string", Error("glob.match", S("*"), J("[\"ab\"]"), S("x")).Message);
        Assert.Equal("operand 2 must be array of strings but got array containing number", Error("glob.match", S("*"), J("[1]"), S("x")).Message);
    }

    [Theory]
    [InlineData("*.github.com", "\\*.github.com")]
    [InlineData("[a]{b,c}?\\", "\\[a\\]\\{b,c\\}\\?\\\\")]
    [InlineData("plain", "plain")]
    public void QuoteMeta(string text, string expected) => Assert.Equal(S(expected), Call("glob.quote_meta", S(text)));
}
