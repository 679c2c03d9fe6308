using Palisade.Rego.Errors;

namespace Palisade.Rego.Tests.Compilation;

/// <summary>The compile-time type check: OPA's messages, positions and error limit; valid policies pass.</summary>
public sealed class TypeCheckTests
{
    private const string CountWant = "want: (any<string, array[any], object[any: any], set[any]>, number)";

    [Fact]
    public void BuiltinArgumentOfTheWrongTypeIsReported()
    {
        var error = CompileError("""
            package p

            x if {
              count(1)
            }
            """);

        Assert.Equal($"test.rego:4: rego_type_error: count: invalid argument(s)\n\thave: (number)\n\t{CountWant}", error.ToString());
        Assert.Equal((4, 3), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void NestedCallHasAnUntypedOutput()
    {
        var error = CompileError("""
            package p

            x if {
              n := count(1)
              n > 0
            }
            """);

        Assert.Equal($"test.rego:4: rego_type_error: count: invalid argument(s)\n\thave: (number, ???)\n\t{CountWant}", error.ToString());
        Assert.Equal(8, error.Location.Column);
    }

    [Fact]
    public void ArgumentTypeFlowsFromAnEarlierBuiltinResult()
    {
        var error = CompileError("""
            package p

            x if {
              s := upper("a")
              n := s + 1
            }
            """);

        Assert.Equal("test.rego:5: rego_type_error: plus: invalid argument(s)\n\thave: (string, number, ???)\n\twant: (number, number, number)", error.ToString());
    }

    [Fact]
    public void RefIntoAScalarIsAnUndefinedRef()
    {
        var error = CompileError("""
            package p

            x if {
              y := 1
              y.foo
            }
            """);

        Assert.Equal("test.rego:5: rego_type_error: undefined ref: y.foo\n\ty.foo\n\t^\n\thave: number", error.ToString());
        Assert.Equal(3, error.Location.Column);
    }

    [Fact]
    public void StringKeyIntoAnArrayIsAnUndefinedRef()
    {
        var error = CompileError("""
            package p

            x if {
              a := [1, 2]
              a.foo
            }
            """);

        Assert.Equal("test.rego:5: rego_type_error: undefined ref: a.foo\n\ta.foo\n\t  ^\n\t  have: \"foo\"\n\t  want (type): number", error.ToString());
    }

    [Fact]
    public void RuleValueTypeIsInferred()
    {
        var error = CompileError("""
            package p

            r := 1

            x if {
              r.foo == 1
            }
            """);

        Assert.Equal("test.rego:6: rego_type_error: undefined ref: data.p.r.foo\n\tdata.p.r.foo\n\t^^^^^^^^\n\thave: number", error.ToString());
    }

    [Fact]
    public void UnifyingDifferentTypesIsAMatchError()
    {
        var error = CompileError("""
            package p

            x if {
              y := 1
              y = "a"
            }
            """);

        Assert.Equal("test.rego:5: rego_type_error: match error\n\tleft  : number\n\tright : string", error.ToString());
    }

    [Fact]
    public void QueriesAreChecked()
    {
        var error = Assert.Throws<RegoException>(() => new RegoEngine().Prepare("count(1)"));

        Assert.Equal($"query:1: rego_type_error: count: invalid argument(s)\n\thave: (number)\n\t{CountWant}", error.ToString());
    }

    [Fact]
    public void SeveralErrorsAreReportedInSourceOrder()
    {
        var error = CompileError("""
            package p

            b if {
              "a" + 1
            }

            a if {
              x := 1
              x.y
            }
            """);

        Assert.Equal(
            "2 errors occurred:\n"
            + "test.rego:4: rego_type_error: plus: invalid argument(s)\n\thave: (string, number)\n\twant: (number, number, number)\n"
            + "test.rego:9: rego_type_error: undefined ref: x.y\n\tx.y\n\t^\n\thave: number",
            error.ToString());
        Assert.Equal(2, error.All.Count);
    }

    [Fact]
    public void ErrorsPastTheLimitAreCutOff()
    {
        var body = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"  count({i})"));
        var error = CompileError($"package p\n\nx if {{\n{body}\n}}\n");

        Assert.Equal(11, error.All.Count);
        Assert.Equal(Enumerable.Range(4, 10).ToArray(), error.All.Take(10).Select(e => e.Location.Line).ToArray());
        Assert.Equal("rego_compile_error: error limit reached", error.All[10].ToString());
        Assert.StartsWith("11 errors occurred:\ntest.rego:4: rego_type_error: count: invalid argument(s)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleWithAnErrorDoesNotCauseErrorsWhereItIsUsed()
    {
        var error = CompileError("""
            package p

            r := y if {
              y := count(1)
            }

            x if {
              r.foo
            }
            """);

        Assert.Single(error.All);
        Assert.Equal(4, error.Location.Line);
    }

    [Theory]
    [InlineData("x := input.a.b[0].c; count(x) > 0")]
    [InlineData("o := {\"a\": 1, \"b\": \"s\"}; o.a + 1 > 1; upper(o.b) == \"S\"")]
    [InlineData("xs := [1, \"a\"]; xs[_] == 1")]
    [InlineData("s := {1, 2}; s[1]")]
    [InlineData("x := data.q.v; x.anything")]
    [InlineData("some i; xs := [1, 2]; xs[i] == 2; i + 1 == 2")]
    [InlineData("ys := [y | some y in [1, 2]; y > 1]; count(ys) == 1")]
    [InlineData("zs := [y | y := \"a\"; upper(y) == \"A\"]; count(zs) == 1")]
    [InlineData("every k, v in {\"a\": 1} { is_string(k); v == 1 }")]
    [InlineData("[a, b] := [1, \"x\"]; a + 1 == 2; upper(b) == \"X\"")]
    [InlineData("f(1) == 2")]
    [InlineData("s.one")]
    [InlineData("obj.k == 1")]
    [InlineData("count(m) == 1; m.a == 1")]
    [InlineData("x := \"a\"; y := sprintf(\"%s-%d\", [x, 1]); startswith(y, \"a\")")]
    [InlineData("n := to_number(\"1\"); n == 1")]
    [InlineData("y := input.v.y with input as {\"v\": {\"y\": 1}}; y == 1")]
    public void ValidPoliciesAreNotRejected(string body)
    {
        var module = $$"""
            package p

            f(x) := x + 1

            s contains "one"

            obj[k] := 1 if some k in ["k"]

            m := {"a": 1}

            x if {
              {{body.Replace("; ", "\n  ", StringComparison.Ordinal)}}
            }
            """;
        var results = new RegoEngine().AddModule("test.rego", module)
            .AddData((Palisade.Rego.Values.ObjectValue)Palisade.Rego.Values.ValueJson.Parse("""{"q": {"v": {"anything": true}}}"""))
            .Prepare("data.p.x").Evaluate(Palisade.Rego.Values.ValueJson.Parse("""{"a": {"b": [{"c": [1]}]}}"""));

        Assert.Single(results);
    }

    private static RegoException CompileError(string module) =>
        Assert.Throws<RegoException>(() => new RegoEngine().AddModule("test.rego", module).Prepare("data.p.x"));
}
