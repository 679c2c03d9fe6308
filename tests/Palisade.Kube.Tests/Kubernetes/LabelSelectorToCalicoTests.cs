using Palisade.Kube.Calico.Selectors;
using Palisade.Kube.Kubernetes;

namespace Palisade.Kube.Tests.Kubernetes;

public sealed class LabelSelectorToCalicoTests
{
    private static LabelSelector Expressions(params LabelSelectorRequirement[] requirements) =>
        new(new Dictionary<string, string>(), requirements);

    private static LabelSelector One(string key, string op, params string[] values) =>
        Expressions(new LabelSelectorRequirement(key, op, values));

    [Fact]
    public void TheEmptySelectorIsAll()
    {
        Assert.Equal(AllSelector.Instance, LabelSelectorConversion.ToCalico(LabelSelector.Everything));
        Assert.Equal("{}", LabelSelector.Everything.ToJson().ToJsonString());
    }

    [Fact]
    public void ConvertsMatchLabelsInKeyOrderThenTheRequirements()
    {
        var selector = new LabelSelector(
            new Dictionary<string, string> { ["tier"] = "db", ["app.kubernetes.io/name"] = "web" },
            [
                new LabelSelectorRequirement("env", LabelSelectorOperator.In, ["prod", "dev"]),
                new LabelSelectorRequirement("zone", LabelSelectorOperator.NotIn, ["a"]),
                new LabelSelectorRequirement("team", LabelSelectorOperator.Exists, []),
                new LabelSelectorRequirement("legacy", LabelSelectorOperator.DoesNotExist, []),
            ]);

        var calico = LabelSelectorConversion.ToCalico(selector);

        Assert.Equal(
            "app.kubernetes.io/name == 'web' && tier == 'db' && env in {'dev', 'prod'} && zone not in {'a'} && has(team) && !has(legacy)",
            calico.ToString());
    }

    [Fact]
    public void ASingleTermIsNotWrappedInAConjunction()
    {
        var calico = LabelSelectorConversion.ToCalico(Expressions(new LabelSelectorRequirement("a", LabelSelectorOperator.Exists, [])));

        Assert.Equal(new HasSelector("a"), calico);
    }

    public static TheoryData<LabelSelector, string> Invalid => new()
    {
        { One("a", "Equals", "x"), "unknown label selector operator 'Equals' on 'a'; Kubernetes knows In, NotIn, Exists and DoesNotExist" },
        { One("a", "in", "x"), "unknown label selector operator 'in' on 'a'; Kubernetes knows In, NotIn, Exists and DoesNotExist" },
        { One("a", LabelSelectorOperator.In), "the requirement on 'a' uses In but lists no values" },
        { One("a", LabelSelectorOperator.NotIn), "the requirement on 'a' uses NotIn but lists no values" },
        { One("a", LabelSelectorOperator.Exists, "x"), "the requirement on 'a' uses Exists, which takes no values" },
        { One("a b", LabelSelectorOperator.Exists), "label key \"a b\" is not a valid qualified name (letters, digits, '-', '_' and '.', starting and ending with a letter or digit, optionally after a DNS subdomain prefix and '/')" },
        { One("a", LabelSelectorOperator.In, "x", "y z"), "label value \"y z\" (for key \"a\") is not a valid label value (empty, or letters, digits, '-', '_' and '.', starting and ending with a letter or digit)" },
        { new LabelSelector(new Dictionary<string, string> { ["a"] = "it's" }, []), "label value \"it's\" (for key \"a\") is not a valid label value (empty, or letters, digits, '-', '_' and '.', starting and ending with a letter or digit)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void RefusesSelectorsTheApiServerWouldRefuse(LabelSelector selector, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => LabelSelectorConversion.ToCalico(selector));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesJsonAsTheApiDoes()
    {
        var selector = new LabelSelector(
            new Dictionary<string, string> { ["b"] = "2", ["a"] = "" },
            [new LabelSelectorRequirement("c", LabelSelectorOperator.DoesNotExist, [])]);

        Assert.Equal(
            """{"matchLabels":{"a":"","b":"2"},"matchExpressions":[{"key":"c","operator":"DoesNotExist"}]}""",
            selector.ToJson().ToJsonString());
    }

    [Fact]
    public void ComparesByContent()
    {
        var one = new LabelSelector(
            new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
            [new LabelSelectorRequirement("c", LabelSelectorOperator.In, ["x"])]);
        var same = new LabelSelector(
            new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
            [new LabelSelectorRequirement("c", LabelSelectorOperator.In, ["x"])]);
        var other = one with { MatchExpressions = [new LabelSelectorRequirement("c", LabelSelectorOperator.In, ["y"])] };

        Assert.Equal(one, same);
        Assert.Equal(one.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(one, other);
    }
}
