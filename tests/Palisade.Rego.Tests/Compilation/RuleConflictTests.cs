using Palisade.Rego.Errors;

namespace Palisade.Rego.Tests.Compilation;

/// <summary>Rules that cannot define one document together are rejected at compile time, worded as OPA words it.</summary>
public sealed class RuleConflictTests
{
    private static RegoException CompileError(params string[] modules)
    {
        var engine = new RegoEngine();
        for (var i = 0; i < modules.Length; i++)
        {
            engine.AddModule($"m{i}.rego", modules[i]);
        }

        return Assert.Throws<RegoException>(() => engine.Prepare("x := data"));
    }

    private static void Compiles(params string[] modules)
    {
        var engine = new RegoEngine();
        for (var i = 0; i < modules.Length; i++)
        {
            engine.AddModule($"m{i}.rego", modules[i]);
        }

        Assert.NotNull(engine.Prepare("x := data"));
    }

    [Fact]
    public void ACompleteRuleOwnsTheDocumentsBelowIt()
    {
        var ex = CompileError("package t\n\na.b := {}\n\na.b.c := 1\n");

        Assert.Equal(ErrorCodes.TypeError, ex.Code);
        Assert.Equal("rule data.t.a.b conflicts with [data.t.a.b.c]", ex.Message);
        Assert.Equal(3, ex.Location.Line);
    }

    [Fact]
    public void EveryRuleBelowIsListedInOrder()
    {
        var ex = CompileError("package t\n\np.q.r if true\n\np.q.r.t if true\n\np.q.r.s if true\n");

        Assert.Equal("rule data.t.p.q.r conflicts with [data.t.p.q.r.s data.t.p.q.r.t]", ex.Message);
    }

    [Fact]
    public void ARuleBelowAnotherListedRuleIsNotListedAgain()
    {
        var ex = CompileError("package t\n\np := 1\n\np.q.r := 1\n\np.q := 2\n");

        Assert.Equal("rule data.t.p conflicts with [data.t.p.q]", ex.Message);
    }

    [Fact]
    public void APartialSetOwnsTheDocumentsBelowIt()
    {
        var ex = CompileError("package t\n\np contains v if some v in [\"a\", \"b\"]\n\np.q := 42\n");

        Assert.Equal("rule data.t.p conflicts with [data.t.p.q]", ex.Message);
    }

    [Fact]
    public void AFunctionOwnsTheDocumentsBelowIt()
    {
        var ex = CompileError("package t\n\np.q(x) := x\n\np.q.r if true\n");

        Assert.Equal("rule data.t.p.q conflicts with [data.t.p.q.r]", ex.Message);
    }

    [Fact]
    public void ARuleBelowARefWithAVariableIsAllowed()
    {
        Compiles("package t\n\np.q[r] := x if { r := input.key; x := input.foo }\n\np.q.r.s := 1\n");
        Compiles("package t\n\np[q] contains v if { q := \"a\"; v := 1 }\n\np.q.r if true\n");
    }

    [Fact]
    public void AWholeValueAndEntriesAtOnePathConflictNamedAfterTheLastRule()
    {
        var ex = CompileError("package t\n\np.q := 1\n\np.q[r] := 2 if r := \"foo\"\n");

        Assert.Equal(ErrorCodes.TypeError, ex.Code);
        Assert.Equal("conflicting rules data.t.p.q[r] found", ex.Message);
        Assert.Equal(3, ex.Location.Line);
    }

    [Fact]
    public void SingleValueAndMultiValueRulesAtOnePathConflict()
    {
        var ex = CompileError("package t\n\np.q.w[x] := 1 if x := \"foo\"\n", "package t\n\np.q.w contains \"bar\"\n");

        Assert.Equal("conflicting rules data.t.p.q.w found", ex.Message);
    }

    [Fact]
    public void RulesWithDifferentAritiesConflict()
    {
        var ex = CompileError("package t\n\nf(x) := x\n\nf := 1\n");

        Assert.Equal("conflicting rules data.t.f found", ex.Message);
    }

    [Fact]
    public void TwoDefaultsAreReportedWithWhereEachIs()
    {
        var ex = CompileError("package t\n\ndefault foo := 1\ndefault foo := 2\n\nfoo := 3 if true\n");

        Assert.Equal(ErrorCodes.TypeError, ex.Code);
        Assert.Equal("multiple default rules data.t.foo found at m0.rego:3, m0.rego:4", ex.Message);
        Assert.Equal(1, ex.Location.Line);
    }

    [Fact]
    public void APackageInsideARuleConflictsWithIt()
    {
        var ex = CompileError("package t\n\np.q.r if true\n", "package t.p.q.r\n");

        Assert.Equal(ErrorCodes.TypeError, ex.Code);
        Assert.Equal("package t.p.q.r conflicts with rule p.q.r defined at m0.rego:3", ex.Message);
    }

    [Fact]
    public void APackageBelowARefWithAVariableIsAllowed()
    {
        Compiles("package t\n\np[x] := y if { x := \"a\"; y := \"b\" }\n", "package t.p.q\n\nr := 1\n");
    }
}
