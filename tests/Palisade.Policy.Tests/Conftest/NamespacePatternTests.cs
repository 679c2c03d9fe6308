using Palisade.Policy.Conftest;

namespace Palisade.Policy.Tests.Conftest;

public sealed class NamespacePatternTests
{
    [Theory]
    [InlineData("main", "main", true)]
    [InlineData("main", "main.gke", false)]
    [InlineData("k8s.*", "k8s.a.b", true)]
    [InlineData("*", "anything.at.all", true)]
    [InlineData("c*", "commands", true)]
    [InlineData("c*", "main", false)]
    [InlineData("ma?n", "main", true)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[^a-c]x", "bx", false)]
    [InlineData("a\\*", "a*", true)]
    [InlineData("[a-", "a", false)]
    [InlineData("*", "a/b", false)]
    public void MatchesAsGoPathMatch(string pattern, string name, bool expected) =>
        Assert.Equal(expected, NamespacePattern.Matches(pattern, name));

    [Theory]
    [InlineData("deny", true, false, "")]
    [InlineData("deny_run_as_root", true, false, "run_as_root")]
    [InlineData("violation_x_y", true, false, "x_y")]
    [InlineData("warn_labels", false, true, "labels")]
    [InlineData("denied", false, false, "denied")]
    [InlineData("warn_", false, false, "")]
    public void RuleNamesAreClassifiedAndStrippedAsConftestDoes(string rule, bool failure, bool warning, string exceptionName)
    {
        Assert.Equal((failure, warning), (RuleNames.IsFailure(rule), RuleNames.IsWarning(rule)));
        Assert.Equal(exceptionName, RuleNames.ExceptionName(rule));
    }
}
