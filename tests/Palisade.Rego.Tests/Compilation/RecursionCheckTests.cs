using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Compilation;

/// <summary>A ref depends on exactly the rules it can reach, as in OPA's dependency graph.</summary>
public sealed class RecursionCheckTests
{
    private static RegoEngine Engine(params string[] modules)
    {
        var engine = new RegoEngine();
        for (var i = 0; i < modules.Length; i++)
        {
            engine.AddModule($"m{i}.rego", modules[i]);
        }

        return engine;
    }

    [Fact]
    public void RecursionThroughARefHeadPrefixIsFound()
    {
        var engine = Engine("package t\n\np := data.t.q.a\n\nq[x] := y if { x = \"a\"; y := p }\n");

        var ex = Assert.Throws<RegoException>(() => engine.Prepare("x := data.t.p"));

        Assert.Equal(ErrorCodes.RecursionError, ex.Code);
        Assert.Equal("rule data.t.p is recursive: data.t.p -> data.t.q[x] -> data.t.p", ex.Message);
    }

    [Fact]
    public void AVariableStepReachesOnlyChildrenWithTheRestOfThePath()
    {
        // data[x].allow.see.ok may read the rules at a.allow and a.allow.see.ok, never u.allow.other.stuff: u.allow
        // has no child see. So u's rule may read p without a cycle.
        var engine = Engine(
            "package t\n\np := data[x].allow.see.ok if x := \"a\"\n",
            "package a\n\nallow[action].something if action := \"show\"\n\nallow.see.ok if true\n",
            "package u\n\nallow.other.stuff := data.t.p\n");

        var results = engine.Prepare("x := data.t.p; y := data.u.allow.other.stuff").Evaluate(null);

        var result = Assert.Single(results);
        Assert.Equal(BooleanValue.True, result.Bindings["x"]);
        Assert.Equal(BooleanValue.True, result.Bindings["y"]);
    }

    [Fact]
    public void AVariableStepReachesTheRulesOfEveryChildTheReferrerIncluded()
    {
        var engine = Engine("package t\n\np := data.t[x].ok if x := \"a\"\n\na.ok := true\n");

        var ex = Assert.Throws<RegoException>(() => engine.Prepare("x := data.t.p"));

        Assert.Equal("rule data.t.p is recursive: data.t.p -> data.t.p", ex.Message);
    }
}
