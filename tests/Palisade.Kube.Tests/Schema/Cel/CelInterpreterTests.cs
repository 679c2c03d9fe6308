using Palisade.Kube.Manifests;
using Palisade.Kube.Schema;
using Palisade.Kube.Schema.Cel;

namespace Palisade.Kube.Tests.Schema.Cel;

public sealed class CelInterpreterTests
{
    private const string Self = """
        name: web
        port: 8080
        ratio: 0.5
        protocol: TCP
        tags: [a, b, c]
        labels: {app: web, tier: front}
        empty: []
        nothing: null
        nested: {inner: {value: 3}}
        """;

    private static object Eval(string expression, string self = Self)
    {
        var node = new ManifestReader().ReadText("self.yaml", self)[0].Root!;
        return CelProgram.Compile(expression).Evaluate(new Dictionary<string, object> { ["self"] = CelData.FromNode(node, null) });
    }

    private static string EvalError(string expression) =>
        Assert.Throws<CelEvaluationException>(() => Eval(expression)).Message;

    private static string SyntaxError(string expression) =>
        Assert.Throws<CelSyntaxException>(() => CelProgram.Compile(expression)).Message;

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("0x1F", 31L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("2.5", 2.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData(".5", 0.5)]
    [InlineData("'single'", "single")]
    [InlineData("\"double\"", "double")]
    [InlineData("'''tri'ple'''", "tri'ple")]
    [InlineData(@"'tab\there\x41\u00e9\101'", "tab\there\u0041\u00e9A")]
    [InlineData(@"r'raw\n'", @"raw\n")]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Literals(string expression, object expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void NullLiteral() => Assert.Same(CelNull.Value, Eval("null"));

    [Theory]
    [InlineData("self.name", "web")]
    [InlineData("self.port", 8080L)]
    [InlineData("self.ratio", 0.5)]
    [InlineData("self.nested.inner.value", 3L)]
    [InlineData("self.tags[1]", "b")]
    [InlineData("self.labels['tier']", "front")]
    [InlineData("self['name']", "web")]
    [InlineData("has(self.name)", true)]
    [InlineData("has(self.missing)", false)]
    [InlineData("has(self.nested.inner.value)", true)]
    [InlineData("has(self.nested.inner.other)", false)]
    [InlineData("has(self.labels.app)", true)]
    [InlineData("self.nothing == null", true)]
    public void FieldSelectionAndHas(string expression, object expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("size(self.name)", 3L)]
    [InlineData("size('héllo')", 5L)]
    [InlineData("size('😀')", 1L)]
    [InlineData("self.tags.size()", 3L)]
    [InlineData("size(self.labels)", 2L)]
    [InlineData("size(self.empty) == 0", true)]
    [InlineData("self.name.contains('e')", true)]
    [InlineData("self.name.contains('x')", false)]
    [InlineData("self.name.startsWith('we')", true)]
    [InlineData("self.name.endsWith('eb')", true)]
    [InlineData("self.name.endsWith('w')", false)]
    [InlineData("self.name.matches('^w[a-z]+$')", true)]
    [InlineData("matches(self.name, '^[0-9]+$')", false)]
    [InlineData("'a\\n'.matches('^a$')", false)]
    [InlineData("'a1'.matches('^a\\\\d$')", true)]
    [InlineData("isCIDR('10.0.0.0/8')", true)]
    [InlineData("isCIDR('10.0.0.1/8')", true)]
    [InlineData("isCIDR('10.0.0.0/33')", false)]
    [InlineData("int('42') + 1", 43L)]
    [InlineData("int(2.9)", 2L)]
    [InlineData("string(5) + 'x'", "5x")]
    public void Functions(string expression, object expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("self.tags.exists(t, t == 'b')", true)]
    [InlineData("self.tags.exists(t, t == 'z')", false)]
    [InlineData("self.tags.all(t, size(t) == 1)", true)]
    [InlineData("self.tags.all(t, t != 'c')", false)]
    [InlineData("self.empty.all(t, false)", true)]
    [InlineData("self.empty.exists(t, true)", false)]
    [InlineData("self.tags.exists_one(t, t > 'a')", false)]
    [InlineData("self.tags.exists_one(t, t == 'a')", true)]
    [InlineData("self.tags.filter(t, t != 'b') == ['a', 'c']", true)]
    [InlineData("self.tags.map(t, t + t) == ['aa', 'bb', 'cc']", true)]
    [InlineData("self.labels.all(k, k.size() > 2)", true)]
    [InlineData("self.labels.exists(k, self.labels[k] == 'front')", true)]
    [InlineData("self.tags.all(t, self.tags.exists(u, u == t))", true)]
    public void Macros(string expression, object expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("!true", false)]
    [InlineData("!!true", true)]
    [InlineData("true && false", false)]
    [InlineData("false || true", true)]
    [InlineData("true || false && false", true)]
    [InlineData("(true || false) && false", false)]
    [InlineData("1 + 2 * 3", 7L)]
    [InlineData("(1 + 2) * 3", 9L)]
    [InlineData("7 / 2", 3L)]
    [InlineData("-7 / 2", -3L)]
    [InlineData("7 % 3", 1L)]
    [InlineData("-7 % 3", -1L)]
    [InlineData("10 - 2 - 3", 5L)]
    [InlineData("1.5 * 2.0", 3.0)]
    [InlineData("'a' + 'b'", "ab")]
    [InlineData("self.port > 1024 ? 'high' : 'low'", "high")]
    [InlineData("false ? 1 : true ? 2 : 3", 2L)]
    [InlineData("size([1, 2] + [3])", 3L)]
    [InlineData("-self.ratio", -0.5)]
    public void OperatorsAndPrecedence(string expression, object expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("self.protocol == 'TCP'", true)]
    [InlineData("self.protocol == 6", false)]
    [InlineData("self.port == 'TCP'", false)]
    [InlineData("self.port != 'TCP'", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1 != 1.5", true)]
    [InlineData("self.ratio == 0.5", true)]
    [InlineData("1000000 == 1000000.0", true)]
    [InlineData("null == null", true)]
    [InlineData("null == 0", false)]
    [InlineData("[1, 'a'] == [1, 'a']", true)]
    [InlineData("[1] == [1, 2]", false)]
    [InlineData("{'a': 1} == {'a': 1.0}", true)]
    [InlineData("self.labels == {'tier': 'front', 'app': 'web'}", true)]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 2.5", true)]
    [InlineData("2.5 >= 3", false)]
    [InlineData("'abc' < 'abd'", true)]
    [InlineData("false < true", true)]
    [InlineData("'b' in self.tags", true)]
    [InlineData("'z' in self.tags", false)]
    [InlineData("'app' in self.labels", true)]
    [InlineData("8080 in [80, 8080.0]", true)]
    [InlineData("self.protocol in ['TCP', 'UDP']", true)]
    public void EqualityIsHeterogeneousAndNumbersCompareByValue(string expression, object expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("self.missing", "no such key: missing")]
    [InlineData("self.name.first", "type 'string' has no field 'first'")]
    [InlineData("self.tags[3]", "index 3 out of range for a list of 3")]
    [InlineData("1 / 0", "division by zero")]
    [InlineData("1 % 0", "modulus by zero")]
    [InlineData("9223372036854775807 + 1", "integer overflow")]
    [InlineData("1 + 1.0", "no such overload: int + double")]
    [InlineData("'a' < 1", "no such overload: string < int")]
    [InlineData("size(5)", "no such overload: size(int)")]
    [InlineData("self.port.contains('8')", "no such overload: int.contains(string)")]
    [InlineData("!self.name", "no such overload: ! on string")]
    [InlineData("self.name ? 1 : 2", "no such overload: ?: on string")]
    [InlineData("self.tags.all(t, t)", "no such overload: all() on string")]
    [InlineData("5 in 5", "no such overload: int in int")]
    [InlineData("int('x')", "cannot convert string x to int")]
    public void EvaluationErrors(string expression, string expected) => Assert.Equal(expected, EvalError(expression));

    [Theory]
    [InlineData("false && self.missing", false)]
    [InlineData("self.missing && false", false)]
    [InlineData("true || self.missing", true)]
    [InlineData("self.missing || true", true)]
    [InlineData("self.tags.exists(t, t == 'a' || self.missing)", true)]
    [InlineData("[1, 0].all(x, 1 / x == 1 && false)", false)]
    public void LogicAbsorbsErrorsTheOtherSideDecides(string expression, object expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void ErrorsThatDecideTheResultPropagate()
    {
        Assert.Equal("no such key: missing", EvalError("self.missing && true"));
        Assert.Equal("no such key: missing", EvalError("false || self.missing"));
        Assert.Equal("division by zero", EvalError("[1, 0].all(x, 1 / x == 1)"));
    }

    [Theory]
    [InlineData("'unterminated", "unterminated string")]
    [InlineData("self.a ==", "unexpected end of rule")]
    [InlineData("(1 + 2", "expected ')' but found 'end of rule'")]
    [InlineData("1 2", "unexpected '2'")]
    [InlineData("a.b", "undeclared reference to 'a'")]
    [InlineData("self.tags.all(t, u)", "undeclared reference to 'u'")]
    [InlineData("lowerAscii(self.name)", "unsupported function 'lowerAscii()'")]
    [InlineData("self.name.trim()", "unsupported method '.trim()'")]
    [InlineData("size(1, 2)", "'size' takes 1 argument here, not 2")]
    [InlineData("self.tags.all(1, true)", "all() takes a variable name and an expression, as in all(x, x > 0)")]
    [InlineData("has(self)", "has() takes a field selection, as in has(self.field)")]
    [InlineData("1u", "unsigned integer literals are not supported")]
    [InlineData("b'bytes'", "bytes literals are not supported")]
    [InlineData("99999999999999999999", "integer '99999999999999999999' is out of range")]
    [InlineData("'\\q'", "invalid escape sequence '\\q'")]
    [InlineData("self # 1", "unexpected character '#'")]
    [InlineData("var", "'var' is a reserved word")]
    [InlineData(".self", "qualified names with a leading '.' are not supported")]
    public void SyntaxErrorsSayWhat(string expression, string expected) => Assert.Equal(expected, SyntaxError(expression));

    [Fact]
    public void DeepNestingIsRefused()
    {
        var deep = new string('(', 150) + "1" + new string(')', 150);

        Assert.Contains("nested deeper than", SyntaxError(deep), StringComparison.Ordinal);
    }

    [Fact]
    public void OldSelfMarksATransitionRule()
    {
        Assert.True(CelProgram.Compile("self.a == oldSelf.a").UsesOldSelf);
        Assert.False(CelProgram.Compile("self.a == 1").UsesOldSelf);
    }

    [Fact]
    public void EvaluationHasABudget()
    {
        var program = CelProgram.Compile("self.tags.all(a, self.tags.all(b, self.tags.all(c, true)))");
        var node = new ManifestReader().ReadText("s.yaml", "tags: [" + string.Join(",", Enumerable.Range(0, 200)) + "]")[0].Root!;

        var ex = Assert.Throws<CelEvaluationException>(() =>
            program.Evaluate(new Dictionary<string, object> { ["self"] = CelData.FromNode(node, null) }, budget: 100_000));
        Assert.Equal("the rule ran over its evaluation budget", ex.Message);
    }

    [Fact]
    public void CommentsAndWhitespaceAreIgnored() =>
        Assert.Equal(true, Eval("self.port > 1 // a comment\n  && true"));
}
