using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Evaluation;

/// <summary>Bodies are ordered so that variables are bound before use, comprehensions included.</summary>
public sealed class SafetyOrderTests
{
    private static Value? Eval(string module, string query, RegoVersion version = RegoVersion.V1)
    {
        var engine = new RegoEngine(new RegoOptions { RegoVersion = version }).AddModule("t.rego", module);
        var results = engine.Prepare(query).Evaluate(null);
        return results.Count == 0 ? null : results[0].Bindings["x"];
    }

    [Fact]
    public void ComprehensionsSeeVariablesBoundBeforeThemAndKeepTheirOwn()
    {
        const string module = """
            package t

            f(a) {
              count({k | k := keys[_]; a[k]}) == 2
              count({k | k := keys[_]; not a[k]}) == 0
              keys = ["r", "w"]
            }

            p := x { x := f({"r": true, "w": true}) }
            """;

        Assert.Equal(BooleanValue.True, Eval(module, "x := data.t.p", RegoVersion.V0));
    }

    [Fact]
    public void AComprehensionBeforeADeclarationHasItsOwnVariable()
    {
        const string module = """
            package t

            xs := {"a", "b", "c"}

            p := x if {
              y := {x | xs[x]}
              x := count(y)
            }
            """;

        Assert.Equal(NumberValue.Of(3), Eval(module, "x := data.t.p"));
    }

    [Fact]
    public void AVariableNothingBindsIsUnsafe()
    {
        var ex = Assert.Throws<RegoException>(() => Eval("package t\n\np if { x > 1 }\n", "x := data.t.p"));

        Assert.Equal(ErrorCodes.UnsafeVarError, ex.Code);
        Assert.Equal("var x is unsafe", ex.Message);
    }
}
