using Palisade.Kube.Calico.Selectors;

namespace Palisade.Kube.Tests.Calico.Selectors;

public sealed class SelectorCanonicalFormTests
{
    [Theory]
    [InlineData("a=='b'", "a == 'b'")]
    [InlineData("  a  !=  \"b\"  ", "a != 'b'")]
    [InlineData("a contains\"x\"", "a contains 'x'")]
    [InlineData("a   starts\twith 'x'", "a starts with 'x'")]
    [InlineData("a startswith 'x'", "a starts with 'x'")]
    [InlineData("a ends with'x'", "a ends with 'x'")]
    [InlineData("a in {\"y\", 'x', 'y',}", "a in {'x', 'y'}")]
    [InlineData("a notin {'b','a'}", "a not in {'a', 'b'}")]
    [InlineData("a in {}", "a in {}")]
    [InlineData("a not in{ }", "a not in {}")]
    [InlineData("has( a )", "has(a)")]
    [InlineData("all( )", "all()")]
    [InlineData("", "all()")]
    [InlineData(" \t ", "all()")]
    [InlineData("global()", "global()")]
    [InlineData("!has(a)", "!has(a)")]
    [InlineData("!!has(a)", "has(a)")]
    [InlineData("! ! !has(a)", "!has(a)")]
    [InlineData("!(!has(a))", "has(a)")]
    [InlineData("!(has(a))", "!has(a)")]
    [InlineData("a == \"it's\"", "a == \"it's\"")]
    [InlineData("a == '\"quoted\"'", "a == '\"quoted\"'")]
    [InlineData("a == ''", "a == ''")]
    [InlineData("a in {\"it's\", 'b'}", "a in {'b', \"it's\"}")]
    [InlineData("a=='x'&&b=='y'", "a == 'x' && b == 'y'")]
    [InlineData("a=='x'||b=='y'", "a == 'x' || b == 'y'")]
    [InlineData("(a == 'x' || b == 'y') && c == 'z'", "(a == 'x' || b == 'y') && c == 'z'")]
    [InlineData("a == 'x' || (b == 'y' && c == 'z')", "a == 'x' || b == 'y' && c == 'z'")]
    [InlineData("a == 'x' && (b == 'y' && c == 'z')", "a == 'x' && b == 'y' && c == 'z'")]
    [InlineData("(a == 'x' || b == 'y') || c == 'z'", "a == 'x' || b == 'y' || c == 'z'")]
    [InlineData("((has(a)))", "has(a)")]
    [InlineData("!(a == 'x' && b == 'y')", "!(a == 'x' && b == 'y')")]
    [InlineData("!(a == 'x' || b == 'y') && c == 'z'", "!(a == 'x' || b == 'y') && c == 'z'")]
    [InlineData("!a == 'x' || b == 'y'", "!a == 'x' || b == 'y'")]
    [InlineData("in == 'x' && has == 'y' && all == 'z' && contains contains 'w'", "in == 'x' && has == 'y' && all == 'z' && contains contains 'w'")]
    [InlineData("not in {'a'}", "not in {'a'}")]
    [InlineData("projectcalico.org/namespace not in  {'kube-system', 'calico-system', 'calico-apiserver'}", "projectcalico.org/namespace not in {'calico-apiserver', 'calico-system', 'kube-system'}")]
    [InlineData("a == 'x && y || (z)'", "a == 'x && y || (z)'")]
    public void PrintsTheCanonicalForm(string text, string canonical)
    {
        var selector = SelectorParser.Parse(text);

        Assert.Equal(canonical, selector.ToString());
        var reparsed = SelectorParser.Parse(canonical);
        Assert.Equal(selector, reparsed);
        Assert.Equal(canonical, reparsed.ToString());
    }

    [Fact]
    public void ParsesIntoTheExpectedTree()
    {
        var selector = SelectorParser.Parse("!a == 'x' && b in {'2', '1'} || has(c) && !(d != 'y' || e contains 'z')");

        Selector expected = new OrSelector(
        [
            new AndSelector([new NotSelector(new EqualsSelector("a", "x")), new InSelector("b", ["1", "2"])]),
            new AndSelector(
            [
                new HasSelector("c"),
                new NotSelector(new OrSelector([new NotEqualsSelector("d", "y"), new ContainsSelector("e", "z")])),
            ]),
        ]);
        Assert.Equal(expected, selector);
        Assert.Equal(expected.GetHashCode(), selector.GetHashCode());
    }

    [Fact]
    public void KeywordOperatorsAreLabelsWhenNotAfterALabel()
    {
        var selector = SelectorParser.Parse("not in {'x'} && starts starts with 'y' && ends ends with 'z'");

        Selector expected = new AndSelector(
        [
            new InSelector("not", ["x"]),
            new StartsWithSelector("starts", "y"),
            new EndsWithSelector("ends", "z"),
        ]);
        Assert.Equal(expected, selector);
    }

    [Fact]
    public void EqualityIsByContent()
    {
        Assert.Equal(new InSelector("a", ["y", "x", "x"]), new InSelector("a", ["x", "y"]));
        Assert.NotEqual<Selector>(new InSelector("a", ["x"]), new NotInSelector("a", ["x"]));
        Assert.NotEqual<Selector>(new EqualsSelector("a", "x"), new NotEqualsSelector("a", "x"));
        Assert.NotEqual<Selector>(new EqualsSelector("a", "x"), new EqualsSelector("a", "y"));
        Assert.NotEqual<Selector>(
            new AndSelector([new HasSelector("a"), new HasSelector("b")]),
            new AndSelector([new HasSelector("b"), new HasSelector("a")]));
        Assert.NotEqual<Selector>(
            new AndSelector([new HasSelector("a"), new HasSelector("b")]),
            new OrSelector([new HasSelector("a"), new HasSelector("b")]));
    }

    [Fact]
    public void ConstructorsKeepTheNormalForm()
    {
        var nested = new AndSelector([new HasSelector("a"), new AndSelector([new HasSelector("b"), new HasSelector("c")])]);

        Assert.Equal(3, nested.Operands.Count);
        Assert.Equal(new HasSelector("a"), Selector.Not(Selector.Not(new HasSelector("a"))));
        Assert.Equal(new HasSelector("a"), Selector.And([new HasSelector("a")]));
        Assert.Throws<ArgumentException>(() => new NotSelector(new NotSelector(new HasSelector("a"))));
        Assert.Throws<ArgumentException>(() => new AndSelector([new HasSelector("a")]));
        Assert.Throws<ArgumentException>(() => new OrSelector([]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("quote'")]
    [InlineData("ünïcode")]
    public void RejectsLabelNamesTheParserCouldNotRead(string label)
    {
        Assert.Throws<ArgumentException>(() => new HasSelector(label));
        Assert.Throws<ArgumentException>(() => new EqualsSelector(label, "v"));
        Assert.Throws<ArgumentException>(() => new InSelector(label, ["v"]));
    }

    [Fact]
    public void RejectsValuesThatNeedBothQuoteCharacters()
    {
        Assert.Throws<ArgumentException>(() => new EqualsSelector("a", "it's \"x\""));
        Assert.Throws<ArgumentException>(() => new NotInSelector("a", ["ok", "it's \"x\""]));
        Assert.Throws<ArgumentException>(() => new HasSelector(new string('k', 513)));
    }

    [Fact]
    public void ListsEveryLabelKeyOnceInOrderOfMention()
    {
        var selector = SelectorParser.Parse("b == 'x' && (has(a) || c in {'z'}) && !b != 'y' && all() && d ends with 'q'");

        Assert.Equal(["b", "a", "c", "d"], selector.LabelKeys);
        Assert.Empty(SelectorParser.Parse("all() || global()").LabelKeys);
    }
}
