using Palisade.Kube.Schema;

namespace Palisade.Kube.Tests.Schema;

public sealed class Re2PatternTests
{
    [Theory]
    [InlineData("^abc$", "abc", true)]
    [InlineData("^abc$", "abc\n", false)]
    [InlineData("^\\d+$", "123", true)]
    [InlineData("^\\d+$", "١٢٣", false)]
    [InlineData("^[\\d.]+$", "1.2", true)]
    [InlineData("^\\w+$", "é", false)]
    [InlineData("^\\s$", "\u00a0", false)]
    [InlineData("^[]a]+$", "]a", true)]
    [InlineData("^[^]a]+$", "b", true)]
    [InlineData("^(?P<word>[a-z]+)$", "abc", true)]
    [InlineData("b", "abc", true)]
    [InlineData("^.*", "anything", true)]
    public void MatchesAsRe2Does(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Re2Pattern.Compile(pattern).IsMatch(input));

    [Fact]
    public void RefusesWhatRe2DoesNotHave() =>
        Assert.Throws<ArgumentException>(() => Re2Pattern.Compile("(a)\\1"));

    [Fact]
    public void RunsInLinearTime()
    {
        var regex = Re2Pattern.Compile("^(a+)+$");

        Assert.DoesNotMatch(regex, new string('a', 50_000) + "!");
    }
}
