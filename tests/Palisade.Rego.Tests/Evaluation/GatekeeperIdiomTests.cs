using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Evaluation;

/// <summary>OPA behaviours that Gatekeeper library templates (v0 Rego) depend on.</summary>
public sealed class GatekeeperIdiomTests
{
    private static Value? Eval(string module, string query)
    {
        var engine = new RegoEngine(new RegoOptions { RegoVersion = RegoVersion.V0 }).AddModule("t.rego", module);
        var results = engine.Prepare(query).Evaluate(ValueJson.Parse("""{"params": {"rule": "Any"}}"""));
        return results.Count == 0 ? null : results[0].Bindings["x"];
    }

    [Fact]
    public void AHeadWithEmptyParenthesesIsARule()
    {
        const string module = """
            package t
            profile() = out { out := "runtime/default" }
            uses = p { p := profile }
            calls = p { p := profile() }
            """;

        Assert.Equal(StringValue.Of("runtime/default"), Eval(module, "x := data.t.uses"));
        Assert.Equal(StringValue.Of("runtime/default"), Eval(module, "x := data.t.calls"));
    }

    [Fact]
    public void AnUndefinedReferenceArgumentMakesANegatedFunctionCallUndefined()
    {
        const string module = """
            package t
            accept("Any", _, _)
            accept("Range", v, ranges) { v < ranges[0] }
            denied_with_missing_ranges { not accept(input.params.rule, 5, input.params.ranges) }
            denied_with_rule { not accept(input.params.rule, 5, []) }
            denied_unknown_rule { not accept("Other", 5, []) }
            """;

        Assert.Null(Eval(module, "x := data.t.denied_with_missing_ranges"));
        Assert.Null(Eval(module, "x := data.t.denied_with_rule"));
        Assert.Equal(BooleanValue.True, Eval(module, "x := data.t.denied_unknown_rule"));
    }
}
