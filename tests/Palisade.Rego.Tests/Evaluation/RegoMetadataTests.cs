using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Evaluation;

/// <summary>rego.metadata.chain() and rego.metadata.rule() answer with the annotations of the rule that calls them.</summary>
public sealed class RegoMetadataTests
{
    private static Value Eval(string query, params (string File, string Text)[] modules)
    {
        var engine = new RegoEngine();
        foreach (var (file, text) in modules)
        {
            engine.AddModule(file, text);
        }

        return Assert.Single(engine.Prepare(query).Evaluate(null)).Bindings["x"];
    }

    [Fact]
    public void ChainRunsFromTheRuleOutToTheOutermostSubpackages()
    {
        const string root = """
            # METADATA
            # scope: subpackages
            # title: everything under a
            package a
            """;
        const string policy = """
            # METADATA
            # scope: subpackages
            # title: everything under a.b
            package a.b

            # METADATA
            # scope: document
            # title: all of p
            p.q := x if false

            # METADATA
            # title: outer
            # METADATA
            # title: inner
            p.q := x if {
              x := rego.metadata.chain()
            }
            """;
        const string package = """
            # METADATA
            # description: package a.b
            package a.b
            """;

        Assert.Equal(
            ValueJson.Parse("""
                [
                  {"path": ["a", "b", "p", "q"], "annotations": {"scope": "rule", "title": "inner"}},
                  {"path": ["a", "b", "p", "q"], "annotations": {"scope": "rule", "title": "outer"}},
                  {"path": ["a", "b", "p", "q"], "annotations": {"scope": "document", "title": "all of p"}},
                  {"path": ["a", "b"], "annotations": {"scope": "package", "description": "package a.b"}},
                  {"path": ["a", "b"], "annotations": {"scope": "subpackages", "title": "everything under a.b"}},
                  {"path": ["a"], "annotations": {"scope": "subpackages", "title": "everything under a"}}
                ]
                """),
            Eval("x := data.a.b.p.q", ("root.rego", root), ("policy.rego", policy), ("package.rego", package)));
    }

    [Fact]
    public void RuleIsTheClosestRuleBlockOrEmpty()
    {
        const string policy = """
            package t

            # METADATA
            # title: first
            # METADATA
            # title: second
            # authors:
            # - Jane Doe <jane@example.com>
            p := rego.metadata.rule()

            # METADATA
            # scope: document
            # title: only document
            q := rego.metadata.rule()
            """;

        Assert.Equal(
            ValueJson.Parse("""{"scope": "rule", "title": "second", "authors": [{"name": "Jane Doe", "email": "jane@example.com"}]}"""),
            Eval("x := data.t.p", ("t.rego", policy)));
        Assert.Equal(ObjectValue.Empty, Eval("x := data.t.q", ("t.rego", policy)));
    }

    [Fact]
    public void CallsWithAnOutputArgumentAndInsideComprehensionsAndElseBranches()
    {
        const string policy = """
            package t

            # METADATA
            # title: f
            f(n) := x if {
              n == 1
              rego.metadata.rule(x)
            } else := x if {
              x := [c | c := rego.metadata.chain()[_]]
            }
            """;

        Assert.Equal(ValueJson.Parse("""{"scope": "rule", "title": "f"}"""), Eval("x := data.t.f(1)", ("t.rego", policy)));
        Assert.Equal(ValueJson.Parse("""[{"path": ["t", "f"]}]"""), Eval("x := data.t.f(2)", ("t.rego", policy)));
    }

    [Fact]
    public void OutsideARuleTheFunctionsAreErrors()
    {
        var query = new RegoEngine().Prepare("x := rego.metadata.chain()");
        Assert.Empty(query.Evaluate(null));
        var error = Assert.Throws<RegoException>(() => query.Evaluate(null, new EvaluationLimits { StrictBuiltinErrors = true }));
        Assert.Equal(ErrorCodes.BuiltinError, error.Code);
        Assert.Equal("rego.metadata.chain: the rego.metadata.chain function must only be called within the scope of a rule", error.Message);
    }

    [Fact]
    public void APackageAnnotatedTwiceIsATypeError()
    {
        var engine = new RegoEngine()
            .AddModule("a.rego", "# METADATA\n# title: one\npackage t")
            .AddModule("b.rego", "# METADATA\n# title: two\npackage t");
        var error = Assert.Throws<RegoException>(() => engine.Prepare("x := 1"));
        Assert.Equal(ErrorCodes.TypeError, error.Code);
        Assert.Equal("b.rego:1: rego_type_error: package annotation redeclared: a.rego:1", error.ToString());
    }
}
