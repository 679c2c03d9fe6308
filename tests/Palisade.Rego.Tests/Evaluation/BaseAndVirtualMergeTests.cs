using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Evaluation;

/// <summary>
/// Where base data and rules share a path, the document above them merges the two as OPA does: objects key by key,
/// and otherwise the base value stands. A rule's own path reads the rule alone.
/// </summary>
public sealed class BaseAndVirtualMergeTests
{
    private static Value? Eval(string data, string module, string query)
    {
        var engine = new RegoEngine().AddData((ObjectValue)ValueJson.Parse(data)).AddModule("t.rego", module);
        var results = engine.Prepare(query).Evaluate(null);
        return results.Count == 0 ? null : Assert.Single(results).Bindings["x"];
    }

    [Fact]
    public void TheBaseValueStandsWhereBothDefineAKey()
    {
        const string data = """{"t": {"conflicts": {"k": "foo"}}}""";
        const string module = "package t.conflicts\n\nk := \"bar\"\n";

        Assert.Equal(ValueJson.Parse("""{"k": "foo"}"""), Eval(data, module, "x := data.t.conflicts"));
        Assert.Equal(StringValue.Of("bar"), Eval(data, module, "x := data.t.conflicts.k"));
    }

    [Fact]
    public void ObjectsMergeKeyByKeyAtEveryDepth()
    {
        const string data = """{"t": {"p": {"a": 1, "c": {"d": 1}}}}""";
        const string module = "package t\n\np := {\"b\": 2, \"c\": {\"e\": 2}}\n";

        Assert.Equal(ValueJson.Parse("""{"p": {"a": 1, "b": 2, "c": {"d": 1, "e": 2}}}"""), Eval(data, module, "x := data.t"));
        Assert.Equal(ValueJson.Parse("""{"b": 2, "c": {"e": 2}}"""), Eval(data, module, "x := data.t.p"));
    }

    [Fact]
    public void RulesBelowAPackageJoinItsBaseKeys()
    {
        const string data = """{"t": {"x": {"a": 1}}}""";
        const string module = "package t.x\n\nb := 2\n";

        Assert.Equal(ValueJson.Parse("""{"x": {"a": 1, "b": 2}}"""), Eval(data, module, "x := data.t"));
    }

    [Fact]
    public void ABaseValueThatIsNoObjectHidesTheRulesBelowIt()
    {
        const string data = """{"t": 5}""";
        const string module = "package t\n\np := 1\n";

        Assert.Equal(NumberValue.Of(5), Eval(data, module, "x := data.t"));
        Assert.Equal(NumberValue.Of(1), Eval(data, module, "x := data.t.p"));
    }
}
