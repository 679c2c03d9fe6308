using Palisade.Kube.Calico.Selectors;
using Palisade.Kube.Kubernetes;

namespace Palisade.Kube.Tests.Kubernetes;

/// <summary>Conversions must keep the meaning: both forms select exactly the same label sets.</summary>
public sealed class LabelSelectorEquivalenceTests
{
    private static readonly string[] Keys = ["app", "tier", "example.com/team", "env"];
    private static readonly string[] Values = ["", "a", "b", "web-1"];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void CalicoSelectorsThatConvertMatchTheSameLabels(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var calico = Selector.And(Enumerable.Range(0, random.Next(1, 5)).Select(_ => ConvertibleTerm(random)));

            Assert.True(LabelSelectorConversion.TryFromCalico(calico, out var kubernetes, out var reason), $"{calico}: {reason}");
            for (var j = 0; j < 20; j++)
            {
                var labels = RandomLabels(random);
                Assert.True(calico.Matches(labels) == kubernetes.Matches(labels), $"{calico} vs {kubernetes.ToJson()} on {string.Join(",", labels)}");
            }

            // And back: the Calico form of the result means the same again.
            var back = LabelSelectorConversion.ToCalico(kubernetes);
            for (var j = 0; j < 20; j++)
            {
                var labels = RandomLabels(random);
                Assert.Equal(calico.Matches(labels), back.Matches(labels));
            }
        }
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    public void KubernetesSelectorsSurviveTheRoundTripThroughCalico(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var kubernetes = RandomLabelSelector(random);

            var calico = LabelSelectorConversion.ToCalico(kubernetes);
            Assert.True(LabelSelectorConversion.TryFromCalico(SelectorParser.Parse(calico.ToString()), out var back, out var reason), reason);

            Assert.Equal(kubernetes, back);
            for (var j = 0; j < 20; j++)
            {
                var labels = RandomLabels(random);
                Assert.Equal(kubernetes.Matches(labels), calico.Matches(labels));
            }
        }
    }

    private static Selector ConvertibleTerm(Random random)
    {
        var key = Keys[random.Next(Keys.Length)];
        return random.Next(7) switch
        {
            0 => new EqualsSelector(key, Values[random.Next(Values.Length)]),
            1 => new NotEqualsSelector(key, Values[random.Next(Values.Length)]),
            2 => new InSelector(key, RandomValues(random, 1)),
            3 => new NotInSelector(key, RandomValues(random, 0)),
            4 => new HasSelector(key),
            5 => Selector.Not(new HasSelector(key)),
            _ => AllSelector.Instance,
        };
    }

    // Sorted and without repeats, as a Calico set would hold them, so that the round trip can compare exactly.
    private static LabelSelector RandomLabelSelector(Random random)
    {
        var matchLabels = new Dictionary<string, string>();
        foreach (var key in Keys.Where(_ => random.Next(3) == 0))
        {
            matchLabels[key] = Values[random.Next(Values.Length)];
        }

        var expressions = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
        {
            var key = Keys[random.Next(Keys.Length)];
            return random.Next(4) switch
            {
                0 => new LabelSelectorRequirement(key, LabelSelectorOperator.In, RandomValues(random, 1)),
                1 => new LabelSelectorRequirement(key, LabelSelectorOperator.NotIn, RandomValues(random, 1)),
                2 => new LabelSelectorRequirement(key, LabelSelectorOperator.Exists, []),
                _ => new LabelSelectorRequirement(key, LabelSelectorOperator.DoesNotExist, []),
            };
        }).ToList();

        return new LabelSelector(matchLabels, expressions);
    }

    private static string[] RandomValues(Random random, int atLeast) =>
        Values.Where(_ => random.Next(2) == 0).Concat(Values.Take(atLeast)).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static Dictionary<string, string> RandomLabels(Random random) =>
        Keys.Where(_ => random.Next(2) == 0).ToDictionary(k => k, _ => Values[random.Next(Values.Length)]);
}
