using Palisade.Rego.Errors;

namespace Palisade.Rego.Tests.Compilation;

/// <summary>OPA's strict mode (RegoOptions.Strict): its errors, their positions, and what it leaves alone.</summary>
public sealed class StrictModeTests
{
    [Fact]
    public void UnusedAssignmentIsAnError()
    {
        var error = StrictError("""
            package p

            allow if {
              user := input.user
              input.user == "admin"
            }
            """);

        Assert.Equal("test.rego:4: rego_compile_error: assigned var user unused", error.ToString());
        Assert.Equal(3, error.Location.Column);
    }

    [Fact]
    public void UnusedAssignmentInAComprehensionIsAnError()
    {
        var error = StrictError("""
            package p

            xs := [x | some x in input.xs; y := x]
            """);

        Assert.Equal("test.rego:3: rego_compile_error: assigned var y unused", error.ToString());
    }

    [Fact]
    public void UnusedImportIsAnError()
    {
        var error = StrictError("""
            package p

            import data.foo
            import data.bar as baz

            allow if baz.x
            """);

        Assert.Equal("test.rego:3: rego_compile_error: import data.foo unused", error.ToString());
    }

    [Fact]
    public void DuplicateImportIsAnError()
    {
        var error = StrictError("""
            package p

            import data.foo
            import data.bar.foo

            allow if foo.x
            """);

        Assert.Equal("test.rego:4: rego_compile_error: import must not shadow import data.foo", error.ToString());
    }

    [Fact]
    public void DeprecatedBuiltinIsAnError()
    {
        var error = StrictError("""
            package p

            allow if re_match("a", input.x)
            """);

        Assert.Equal("test.rego:3: rego_type_error: deprecated built-in function calls in expression: re_match", error.ToString());
    }

    [Fact]
    public void ErrorsOfOneCheckAreReportedTogether()
    {
        var error = StrictError("""
            package p

            a if {
              x := 1
              true
            }

            b if {
              y := 2
              true
            }
            """);

        Assert.Equal(
            "2 errors occurred:\ntest.rego:4: rego_compile_error: assigned var x unused\ntest.rego:9: rego_compile_error: assigned var y unused",
            error.ToString());
    }

    [Fact]
    public void ValidPolicyPassesStrictMode()
    {
        const string module = """
            package p

            import data.lib
            import input.request as req

            f(x, unused) := x + 1

            names contains n if {
              some item in req.items
              n := item.name
            }

            allow if {
              total := f(1, 2)
              total == 2
              count([w | w := names[_]]) >= 0
              every k, v in {"a": 1} { k == "a"; v == 1 }
              not lib.denied
            }
            """;
        var results = new RegoEngine(new RegoOptions { Strict = true }).AddModule("test.rego", module)
            .Prepare("data.p.allow").Evaluate(Palisade.Rego.Values.ValueJson.Parse("""{"request": {"items": [{"name": "a"}]}}"""));

        Assert.Single(results);
    }

    [Fact]
    public void WithoutStrictModeTheSameFindingsAreAccepted()
    {
        const string module = """
            package p

            import data.foo

            allow if {
              user := 1
              re_match("a", "a")
            }
            """;

        var results = new RegoEngine().AddModule("test.rego", module).Prepare("data.p.allow").Evaluate(null);

        Assert.Single(results);
    }

    private static RegoException StrictError(string module) =>
        Assert.Throws<RegoException>(() => new RegoEngine(new RegoOptions { Strict = true }).AddModule("test.rego", module).Prepare("data.p"));
}
