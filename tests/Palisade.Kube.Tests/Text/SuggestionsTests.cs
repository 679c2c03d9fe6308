using Palisade.Kube.Text;

namespace Palisade.Kube.Tests.Text;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("PolicyOrdr", "PolicyOrder")]
    [InlineData("policyname", "PolicyName")]
    [InlineData("Direciton", "Direction")]
    [InlineData("Egres", "EGRESS")]
    public void SuggestsTheClosestKey(string typo, string expected)
    {
        string[] keys = ["PolicyName", "PolicyOrder", "Direction", "EGRESS", "INGRESS"];

        Assert.Equal(expected, Suggestions.Closest(typo, keys));
    }

    [Fact]
    public void SuggestsNothingForUnrelatedWords()
    {
        Assert.Null(Suggestions.Closest("Colour", ["PolicyName", "Direction"]));
    }
}
