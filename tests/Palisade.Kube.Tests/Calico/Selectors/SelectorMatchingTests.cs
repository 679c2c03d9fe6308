using Palisade.Kube.Calico.Selectors;

namespace Palisade.Kube.Tests.Calico.Selectors;

public sealed class SelectorMatchingTests
{
    [Theory]
    [InlineData("all()", "", true)]
    [InlineData("", "a=x", true)]
    [InlineData("global()", "", true)]
    [InlineData("a == 'x'", "a=x", true)]
    [InlineData("a == 'x'", "a=y", false)]
    [InlineData("a == 'x'", "", false)]
    [InlineData("a == 'x'", "A=x", false)]
    [InlineData("a == ''", "a=", true)]
    [InlineData("a == ''", "", false)]
    [InlineData("a != 'x'", "a=y", true)]
    [InlineData("a != 'x'", "", true)]
    [InlineData("a != 'x'", "a=x", false)]
    [InlineData("a != 'x'", "a=X", true)]
    [InlineData("a in {'x', 'y'}", "a=y", true)]
    [InlineData("a in {'x', 'y'}", "a=z", false)]
    [InlineData("a in {'x', 'y'}", "", false)]
    [InlineData("a in {}", "a=", false)]
    [InlineData("a not in {'x', 'y'}", "a=z", true)]
    [InlineData("a not in {'x', 'y'}", "", true)]
    [InlineData("a not in {'x', 'y'}", "a=x", false)]
    [InlineData("a not in {}", "", true)]
    [InlineData("has(a)", "a=", true)]
    [InlineData("has(a)", "b=a", false)]
    [InlineData("!has(a)", "", true)]
    [InlineData("!has(a)", "a=x", false)]
    [InlineData("a contains 'ell'", "a=hello", true)]
    [InlineData("a contains 'ell'", "a=help", false)]
    [InlineData("a contains ''", "a=", true)]
    [InlineData("a contains ''", "", false)]
    [InlineData("a starts with 'he'", "a=hello", true)]
    [InlineData("a starts with 'he'", "a=the", false)]
    [InlineData("a starts with 'he'", "", false)]
    [InlineData("a ends with 'lo'", "a=hello", true)]
    [InlineData("a ends with 'lo'", "a=lone", false)]
    [InlineData("a ends with 'lo'", "", false)]
    [InlineData("!a == 'x'", "", true)]
    [InlineData("a == 'x' && b == 'y'", "a=x,b=y", true)]
    [InlineData("a == 'x' && b == 'y'", "a=x,b=z", false)]
    [InlineData("a == 'x' || b == 'y'", "a=z,b=y", true)]
    [InlineData("a == 'x' || b == 'y'", "a=z,b=z", false)]
    [InlineData("a == 'x' || b == 'y' && c == 'z'", "a=x", true)]
    [InlineData("(a == 'x' || b == 'y') && c == 'z'", "a=x", false)]
    [InlineData("!(a == 'x' && b == 'y')", "a=x,b=z", true)]
    [InlineData("!(a == 'x' && b == 'y')", "a=x,b=y", false)]
    [InlineData("!!has(a)", "a=x", true)]
    [InlineData("projectcalico.org/namespace in {\"foo\", \"bar\"} && color == \"red\"", "projectcalico.org/namespace=bar,color=red", true)]
    [InlineData("projectcalico.org/namespace in {\"foo\", \"bar\"} && color == \"red\"", "projectcalico.org/namespace=baz,color=red", false)]
    public void Matches(string text, string labels, bool expected)
    {
        var selector = SelectorParser.Parse(text);

        Assert.Equal(expected, selector.Matches(LabelSets.Parse(labels)));
        Assert.Equal(!expected, Selector.Not(selector).Matches(LabelSets.Parse(labels)));
    }
}
