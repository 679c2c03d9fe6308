using Palisade.Rego.Ast;
using Palisade.Rego.Parsing;

namespace Palisade.Rego.Tests.Parsing;

/// <summary>Parse errors carry OPA's code, messages and layout.</summary>
public sealed class ErrorTests
{
    private static RegoParseException Fails(string source, RegoVersion version = RegoVersion.V1) =>
        Assert.Throws<RegoParseException>(() =>
            RegoParser.ParseModule(source, new ParserOptions { DefaultVersion = version, FileName = "test.rego" }));

    [Theory]
    [InlineData("package foo.", "test.rego:1: rego_parse_error: unexpected eof token: expected ident")]
    [InlineData("package test\np :=", "test.rego:2: rego_parse_error: unexpected eof token: expected rule value term")]
    [InlineData("package test\np := := 1", "test.rego:2: rego_parse_error: unexpected assign token: expected rule value term")]
    [InlineData("package test\n}", "test.rego:2: rego_parse_error: unexpected } token")]
    [InlineData("package test\np if {", "test.rego:2: rego_parse_error: unexpected eof token")]
    [InlineData("package test\n1 := 2", "test.rego:2: rego_parse_error: number cannot be used for rule name")]
    [InlineData("package test\np if { x := \"abc }", "test.rego:2: rego_parse_error: non-terminated string")]
    [InlineData("package test\np", "test.rego:2: rego_parse_error: var cannot be used for rule name")]
    [InlineData("package test\np := 01", "test.rego:2: rego_parse_error: unexpected number token: expected number without leading zero")]
    [InlineData("package test\np if { x := $\"{y := 1}\" }", "test.rego:2: rego_parse_error: unexpected assignment (':=') in template-string expression")]
    [InlineData("package test\ndefault p := x", "test.rego:2: rego_parse_error: illegal default rule (value cannot contain var)")]
    [InlineData("package test\ndefault p := [input.x]", "test.rego:2: rego_parse_error: illegal default rule (value cannot contain ref)")]
    [InlineData("package test\ndefault p := count([])", "test.rego:2: rego_parse_error: illegal default rule (value cannot contain call)")]
    [InlineData("package test\ndefault f(1) := 1", "test.rego:2: rego_parse_error: illegal default rule (arguments cannot contain number)")]
    public void SingleErrorsAreFormattedAsOpaDoes(string source, string expected)
    {
        var error = Fails(source);
        Assert.Equal("1 error occurred: " + expected, error.Message);
        Assert.Equal(RegoError.ParseErrorCode, Assert.Single(error.Errors).Code);
    }

    [Fact]
    public void V1RequirementsAreAllReported()
    {
        var error = Fails("package test\n\np[x] {\n\tx = \"a\"\n}\n\ntest_p {\n\tp[\"a\"]\n}");
        Assert.Equal(
            "3 errors occurred:\n"
            + "test.rego:3: rego_parse_error: `if` keyword is required before rule body\n"
            + "test.rego:3: rego_parse_error: `contains` keyword is required for partial set rules\n"
            + "test.rego:7: rego_parse_error: `if` keyword is required before rule body",
            error.Message);
    }

    [Fact]
    public void V0WithoutFutureKeywordsReadsContainsAsAName()
    {
        var error = Fails("package test\np contains v if {\n\tv := input.x\n}", RegoVersion.V0);
        Assert.Contains("var cannot be used for rule name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V0ImportingRegoV1IsHeldToV1Rules()
    {
        var error = Fails("package test\nimport rego.v1\np[x] { x := 1 }", RegoVersion.V0);
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void UnknownFutureKeywordIsAnError()
    {
        var error = Fails("package test\nimport future.keywords.nope");
        Assert.Contains("unexpected keyword, must be one of [contains every if in]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeywordsCannotBeVariablesInV1()
    {
        var error = Fails("package test\np if { if := 1 }");
        Assert.Contains("unexpected if keyword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsAnErrorNotAStackOverflow()
    {
        var deep = "package test\np := " + new string('[', 100_000) + new string(']', 100_000);
        var error = Fails(deep);
        Assert.Contains("max expression depth exceeded", error.Message, StringComparison.Ordinal);
        var braces = "package test\np if " + string.Concat(Enumerable.Repeat("{", 50_000));
        Assert.Contains("max expression depth exceeded", Fails(braces).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingWithinTheLimitParses()
    {
        var nested = "package test\np := " + new string('[', 100) + new string(']', 100);
        Assert.Single(RegoParser.ParseModule(nested).Rules);
    }

    [Fact]
    public void OverlongInputIsRejected()
    {
        var error = Assert.Throws<RegoParseException>(() =>
            RegoParser.ParseModule("package test\np := 1", new ParserOptions { MaxLength = 10 }));
        Assert.Contains("maximum length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsWithoutAFileNameShowLineAndColumn()
    {
        var error = Assert.Throws<RegoParseException>(() => RegoParser.ParseModule("package test\n  }"));
        Assert.Equal("1 error occurred: 2:3: rego_parse_error: unexpected } token", error.Message);
    }

    [Fact]
    public void QueriesReportErrorsToo()
    {
        var error = Assert.Throws<RegoParseException>(() => RegoParser.ParseQuery("x := "));
        Assert.Contains("unexpected eof token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenInputOnlyEverRaisesParseErrors()
    {
        const string source = """
            package test
            import rego.v1

            default allow := false

            allow if {
                some x in input.xs
                msg := $"hello {x.name} and {[y | y := x.ys[_]]}"
                every k, v in x.o { k != v }
                not deny with input.a as {"b": [1, 2.5e3, `raw`]}
            }

            deny contains {"msg": m} if { m := sprintf("%v", [input.x]) }
            f(a, b) := c if { c := a + b * 2 } else := 0
            """;
        for (var cut = 0; cut < source.Length; cut++)
        {
            foreach (var text in new[] { source[..cut], source.Remove(cut, 1) })
            {
                try
                {
                    RegoParser.ParseModule(text);
                }
                catch (RegoParseException e)
                {
                    Assert.NotEmpty(e.Errors);
                }
            }
        }
    }
}
