using Palisade.Kube.Calico.Selectors;

namespace Palisade.Kube.Tests.Calico.Selectors;

public sealed class SelectorRoundTripPropertyTests
{
    private const int Cases = 3000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CanonicalTextParsesBackToTheSameSelector(int seed)
    {
        var random = new RandomSelectors(seed);
        for (var i = 0; i < Cases; i++)
        {
            var selector = random.Next();
            var canonical = selector.ToString();
            if (canonical.Length > SelectorParser.MaxLength)
            {
                continue;
            }

            var reparsed = SelectorParser.Parse(canonical);

            Assert.Equal(selector, reparsed);
            Assert.Equal(canonical, reparsed.ToString());
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void EverySpellingOfASelectorParsesToTheSameValue(int seed)
    {
        var random = new RandomSelectors(seed);
        var checkedCases = 0;
        for (var i = 0; i < Cases; i++)
        {
            var selector = random.Next();
            var text = random.Write(selector);
            if (text.Length > SelectorParser.MaxLength)
            {
                continue;
            }

            Assert.True(SelectorParser.TryParse(text, out var parsed, out var error), $"{text}\n{error?.Message}");
            Assert.Equal(selector, parsed);
            checkedCases++;
        }

        Assert.True(checkedCases > Cases * 9 / 10, $"only {checkedCases} of {Cases} cases were short enough to check");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void ArbitraryTextEitherRoundTripsOrFailsWithAColumnInsideIt(int seed)
    {
        string[] fragments =
        [
            "a", "b", "in", "not", " ", "\t", "==", "!=", "!", "&&", "||", "&", "|", "=", "(", ")", "{", "}", ",",
            "'x'", "\"y\"", "'", "\"", "has(", "all(", "global(", "contains", "starts", "with", "\n", "@", "é",
        ];
        var random = new Random(seed);
        var parsedCount = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 16)).Select(_ => fragments[random.Next(fragments.Length)]));

            if (SelectorParser.TryParse(text, out var selector, out var error))
            {
                parsedCount++;
                Assert.Equal(selector, SelectorParser.Parse(selector.ToString()));
            }
            else
            {
                Assert.InRange(error.Column, 1, text.Length + 1);
                Assert.Equal($"column {error.Column}: {error.Reason}", error.Message);
            }
        }

        // Enough random texts must be valid for the success branch to be exercised at all.
        Assert.True(parsedCount > 100, $"only {parsedCount} random texts parsed");
    }
}
