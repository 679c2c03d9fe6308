using Palisade.Kube.Calico.Selectors;

namespace Palisade.Kube.Tests.Calico.Selectors;

public sealed class SelectorSyntaxErrorTests
{
    private const string OperandExpected = "expected a label, '!', '(', has(), all() or global()";

    public static TheoryData<string, int, string> InvalidSelectors => new()
    {
        { "a = 'b'", 3, "'=' is not an operator; did you mean '=='?" },
        { "a == 'b' & c == 'd'", 10, "'&' is not an operator; did you mean '&&'?" },
        { "a == 'b' | c == 'd'", 10, "'|' is not an operator; did you mean '||'?" },
        { "a == b", 6, "expected a quoted string after '=='" },
        { "a !=", 5, "expected a quoted string after '!='" },
        { "a contains", 11, "expected a quoted string after 'contains'" },
        { "a starts  with x", 16, "expected a quoted string after 'starts with'" },
        { "app == 'web", 12, "unterminated string starting at column 8" },
        { "a in {\"x\", \"y}", 15, "unterminated string starting at column 12" },
        { "a == 'b')", 9, "unexpected ')'" },
        { "(a == 'b'", 10, "expected ')' to close the '(' at column 1" },
        { "(a == 'b' c", 11, "expected ')' to close the '(' at column 1" },
        { "a in {'x'", 10, "expected '}' to close the set" },
        { "a in {'x' && b == 'y'", 11, "expected '}' to close the set" },
        { "a in {'x' 'y'}", 11, "expected ',' between set values" },
        { "a in {x}", 7, "set values must be quoted strings: write 'x'" },
        { "a in {'x',,}", 11, "expected a quoted string or '}' in the set, found ','" },
        { "a in 'x'", 6, "expected '{' after 'in'" },
        { "a not in ('x')", 10, "expected '{' after 'not in'" },
        { "a not 'x'", 7, "expected 'in' after 'not'" },
        { "a starts 'x'", 10, "expected 'with' after 'starts'" },
        { "a ends wit 'x'", 8, "expected 'with' after 'ends'" },
        { "&& a == 'b'", 1, $"unexpected '&&', {OperandExpected}" },
        { "a == 'b' &&", 12, $"unexpected end of selector, {OperandExpected}" },
        { "!", 2, $"unexpected end of selector, {OperandExpected}" },
        { "()", 2, $"unexpected ')', {OperandExpected}" },
        { "'a' == 'b'", 1, $"unexpected string 'a', {OperandExpected}" },
        { "has()", 5, "expected a label name inside has()" },
        { "has(a", 6, "expected ')' to close has(a" },
        { "has(a b)", 7, "expected ')' to close has(a" },
        { "has (a)", 5, "'has' must be followed directly by '(', with no space between" },
        { "all(x)", 5, "expected ')' after 'all('; all() takes no arguments" },
        { "global(", 8, "expected ')' after 'global('; global() takes no arguments" },
        { "a", 2, "expected an operator after label 'a': ==, !=, in, not in, contains, starts with or ends with; to test that the label exists, write has(a)" },
        { "a && b == 'c'", 3, "expected an operator after label 'a': ==, !=, in, not in, contains, starts with or ends with; to test that the label exists, write has(a)" },
        { "a b == 'c'", 3, "expected an operator after label 'a': ==, !=, in, not in, contains, starts with or ends with" },
        { "a == 'b' c == 'd'", 10, "unexpected label 'c', expected '&&', '||' or the end of the selector" },
        { "a == 'b' == 'c'", 10, "unexpected '==', expected '&&', '||' or the end of the selector" },
        { "a == 'b' @", 10, "unexpected character '@'" },
        { "a == 'b'\n&& c == 'd'", 9, "unexpected line break; only spaces and tabs may separate the parts of a selector" },
        { "a ==\u00a0'b'", 5, "unexpected character U+00A0; only spaces and tabs may separate the parts of a selector" },
        { "a == 'b'\u200b", 9, "unexpected character U+200B" },
        { "ünïcode == 'b'", 1, "unexpected character 'ü'" },
        { new string('k', 513) + " == 'v'", 1, "label name longer than 512 characters" },
        { "has(" + new string('k', 513) + ")", 5, "label name longer than 512 characters" },
        { new string(' ', 4097), 4097, "selector is 4097 characters long, over the limit of 4096" },
        { new string('(', 129) + "all()" + new string(')', 129), 129, "nesting deeper than 128 levels of '(' and '!'" },
        { new string('!', 129) + "has(a)", 129, "nesting deeper than 128 levels of '(' and '!'" },
        { string.Concat(Enumerable.Repeat("!(", 64)) + "!has(a)" + new string(')', 64), 129, "nesting deeper than 128 levels of '(' and '!'" },
    };

    [Theory]
    [MemberData(nameof(InvalidSelectors))]
    public void RejectsInvalidSelectorsWithColumnAndReason(string text, int column, string reason)
    {
        var ex = Assert.Throws<SelectorSyntaxException>(() => SelectorParser.Parse(text));

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(column, ex.Column);
        Assert.Equal($"column {column}: {reason}", ex.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidSelectors))]
    public void TryParseReportsTheSameProblemWithoutThrowing(string text, int column, string reason)
    {
        Assert.False(SelectorParser.TryParse(text, out var selector, out var error));

        Assert.Null(selector);
        Assert.Equal($"column {column}: {reason}", error.Message);
    }

    [Fact]
    public void ReportsTheLeftmostProblemFirst()
    {
        // The '=' further right is a tokenizer error; the ')' before it must be the one reported.
        var ex = Assert.Throws<SelectorSyntaxException>(() => SelectorParser.Parse(") a = 'b'"));

        Assert.Equal("column 1: unexpected ')', expected a label, '!', '(', has(), all() or global()", ex.Message);
    }

    [Fact]
    public void AcceptsInputAtTheLimits()
    {
        var longest = "k == '" + new string('v', SelectorParser.MaxLength - 7) + "'";
        var deepest = new string('(', 128) + "all()" + new string(')', 128);
        var mostNegated = new string('!', 128) + "has(a)";
        var longestLabel = new string('k', 512);

        Assert.Equal(SelectorParser.MaxLength, longest.Length);
        Assert.IsType<EqualsSelector>(SelectorParser.Parse(longest));
        Assert.Equal(AllSelector.Instance, SelectorParser.Parse(deepest));
        Assert.Equal(new HasSelector("a"), SelectorParser.Parse(mostNegated));
        Assert.Equal(new HasSelector(longestLabel), SelectorParser.Parse($"has({longestLabel})"));
    }

    [Fact]
    public void RefusesHostileInputWithoutOverflowingTheStack()
    {
        var parens = new string('(', 4000);

        var ex = Assert.Throws<SelectorSyntaxException>(() => SelectorParser.Parse(parens));

        Assert.Equal(129, ex.Column);
    }

    [Fact]
    public void NullIsAProgrammingErrorNotASyntaxError()
    {
        Assert.Throws<ArgumentNullException>(() => SelectorParser.Parse(null!));
    }
}
