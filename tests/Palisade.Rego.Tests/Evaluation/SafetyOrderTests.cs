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
    public void ABareSomeDeclarationLeavesAComprehensionsVariableItsOwn()
    {
        // conftest's combine example: `some i` declares i, but only the comprehensions bind it, each for itself.
        const string module = """
            package t

            items := [{"kind": "user", "name": "a"}, {"kind": "team", "name": "b"}]

            p := x if {
              some i
              names := [n | items[i].kind == "user"; n := items[i].name]
              x := {"names": names, "numbers": [j | j := [1, 2][i]]}
            }
            """;

        Assert.Equal(ValueJson.Parse("""{"names": ["a"], "numbers": [1, 2]}"""), Eval(module, "x := data.t.p"));
    }

    [Fact]
    public void AVariableNothingBindsIsUnsafe()
    {
        var ex = Assert.Throws<RegoException>(() => Eval("package t\n\np if { x > 1 }\n", "x := data.t.p"));

        Assert.Equal(ErrorCodes.UnsafeVarError, ex.Code);
        Assert.Equal("var x is unsafe", ex.Message);
    }

    [Fact]
    public void AComprehensionBeforeALaterDeclarationOfItsVariableKeepsItsOwn()
    {
        const string module = """
            package t

            items := [1, 2, 3]

            p contains n if {
              xs := [x | x = items[_]; x > 1]
              x := xs[_]
              n := x * 10
            }
            """;

        Assert.Equal("[20, 30]", Eval(module, "x := sort(data.t.p)")?.ToString());
    }

    [Fact]
    public void ANestedComprehensionReadsWhatItsEnclosingComprehensionBinds()
    {
        const string module = """
            package t

            rs := [[1, 2], [0], [3]]

            p := [i |
              r := rs[i]
              count({v | some v in r; v > 1}) == 0
            ]
            """;

        Assert.Equal("[1]", Eval(module, "x := data.t.p")?.ToString());
    }

    [Fact]
    public void AComprehensionHeadRefBindsWhatItsBodyReads()
    {
        const string module = """
            package t

            wanted := ["ab", "cd", "ef"]

            p := x if {
              x := [{"i": i, "w": wanted[i]} | not startswith(wanted[i], "a")]
            }
            """;

        Assert.Equal("""[{"i": 1, "w": "cd"}, {"i": 2, "w": "ef"}]""", Eval(module, "x := data.t.p")?.ToString());
    }

    [Fact]
    public void ARefInACallBindsTheVariableTheCallAlsoReads()
    {
        const string module = """
            package t

            xs := [2, 1, 0]

            p contains foo if {
              some foo
              foo == xs[foo]
            }
            """;

        Assert.Equal("[1]", Eval(module, "x := sort(data.t.p)")?.ToString());
    }

    [Fact]
    public void AHeadThatCannotBindTheBodyLeavesTheBodyUnsafe()
    {
        var ex = Assert.Throws<RegoException>(() => Eval("package t\n\np := x if { x := [i | not startswith(wanted[i], \"a\")] }\n\nwanted := [\"b\"]\n", "x := data.t.p"));

        Assert.Equal(ErrorCodes.UnsafeVarError, ex.Code);
        Assert.Equal("var i is unsafe", ex.Message);
    }

    [Fact]
    public void ANegatedExpressionReadsOnlyWhatItsComprehensionShares()
    {
        const string module = """
            package t

            patches := [[{"op": "add", "path": "/a", "value": 1}], [{"op": "test", "path": "/b", "value": 2}]]

            p contains n if {
              some n
              patch := patches[n]
              not json.patch({}, [q | q = patch[_]])
            }
            """;

        Assert.Equal("[1]", Eval(module, "x := sort(data.t.p)")?.ToString());
    }

    [Fact]
    public void ATemplateStringParameterIsComparedAfterTheBodyBindsItsVariables()
    {
        const string module = """
            package t

            f($"{x}-{y}") := 42 if {
              x = "a"
              y = "b"
            }

            p := [f("a-b"), f("a-c")]
            """;

        Assert.Null(Eval(module, "x := data.t.p"));
        Assert.Equal(NumberValue.Of(42), Eval(module, "x := data.t.f(\"a-b\")"));
    }

    [Fact]
    public void EachPassTakesEveryReadyExpressionInWrittenOrder()
    {
        // OPA walks the body once per pass: print("b") is ready in the first pass, after x := 1 frees print("a", x),
        // which waits for the second.
        const string module = """
            package t

            p if {
              print("a", x)
              x := 1
              print("b")
            }
            """;
        var lines = new List<string>();
        var engine = new RegoEngine().AddModule("t.rego", module);

        engine.Prepare("data.t.p").Evaluate(null, print: lines.Add);

        Assert.Equal(["b", "a 1"], lines);
    }
}
