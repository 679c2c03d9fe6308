using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Evaluation;

/// <summary>
/// A rule with a variable in its ref is evaluated together with the rules below its path, as one document: they may
/// add to it, and conflict with it only when they define the same key differently.
/// </summary>
public sealed class RefHeadExtentTests
{
    private static Value? Eval(string module, string query)
    {
        var results = new RegoEngine().AddModule("t.rego", module).Prepare(query).Evaluate(null);
        return results.Count == 0 ? null : Assert.Single(results).Bindings["x"];
    }

    private static RegoException EvalError(string module, string query) =>
        Assert.Throws<RegoException>(() => Eval(module, query));

    [Theory]
    [InlineData("x := data.t.p.q")]
    [InlineData("x := data.t.p.q.r")]
    [InlineData("x := data.t.p")]
    public void TwoValuesForOneKeyConflict(string query)
    {
        var ex = EvalError("package t\n\np.q.r := 1\n\np.q[s] := 2 if s := \"r\"\n", query);

        Assert.Equal(ErrorCodes.ConflictError, ex.Code);
        Assert.Equal("object keys must be unique", ex.Message);
    }

    [Fact]
    public void TheSameValueForOneKeyIsNoConflict()
    {
        var value = Eval("package t\n\np.q.r := 2\n\np.q[s] := 2 if s := \"r\"\n", "x := data.t.p.q");

        Assert.Equal(ValueJson.Parse("""{"r": 2}"""), value);
    }

    [Fact]
    public void RulesBelowAddTheirValues()
    {
        var value = Eval("package t\n\np.q[x] := 1 if some x in [\"a\", \"b\"]\n\np.q.c.d := 2\n\np.q.e contains 3\n", "x := data.t.p");

        var q = ObjectValue.Of(
            ("a", NumberValue.Of(1)),
            ("b", NumberValue.Of(1)),
            ("c", ObjectValue.Of(("d", NumberValue.Of(2)))),
            ("e", SetValue.Of(NumberValue.Of(3))));
        Assert.Equal(ObjectValue.Of(("q", q)), value);
    }

    [Fact]
    public void AnEntryInsideAnotherRulesValueConflicts()
    {
        var ex = EvalError("package t\n\np.q.r := {\"s\": 1}\n\np[x].r.t := 2 if x := \"q\"\n", "x := data.t.p");

        Assert.Equal("object keys must be unique", ex.Message);
    }

    [Fact]
    public void AnElementAddedWhereAValueIsConflicts()
    {
        var ex = EvalError("package t\n\np[x] := 1 if x := \"b\"\n\np.b contains 2\n", "x := data.t.p");

        Assert.Equal(ErrorCodes.ConflictError, ex.Code);
        Assert.Equal("object keys must be unique", ex.Message);
    }

    [Fact]
    public void ACompleteRuleBelowWithTwoValuesIsAKeyConflict()
    {
        // Evaluated as part of p's document, p.b's outputs are entries: OPA reports a key conflict, not a complete one.
        var ex = EvalError("package t\n\np[x] := 1 if x := \"a\"\n\np.b := y if some y in [1, 2]\n", "x := data.t.p");

        Assert.Equal("object keys must be unique", ex.Message);
    }

    [Fact]
    public void APartialSetWithNoElementsIsAnEmptySetAndAnEntryRuleWithNoneAnEmptyObject()
    {
        Assert.Equal(SetValue.Of(), Eval("package t\n\np contains x if { some x in []; x > 1 }\n", "x := data.t.p"));
        Assert.Equal(ObjectValue.Empty, Eval("package t\n\np[x] contains y if { some x in []; y := x }\n", "x := data.t.p"));
    }
}
