using Palisade.Rego.Ast;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Parsing;

/// <summary>One construct at a time: what tree it parses to, and that it survives printing and reparsing.</summary>
public sealed class ConstructTests
{
    private static readonly ParserOptions V0 = new() { DefaultVersion = RegoVersion.V0 };

    private static Module Parse(string rules, ParserOptions? options = null)
    {
        var module = RegoParser.ParseModule("package test\n\n" + rules, options ?? ParserOptions.Default);
        Assert.Null(RoundTrip.CheckModule(module));
        return module;
    }

    private static Rule Single(string rule, ParserOptions? options = null) => Assert.Single(Parse(rule, options).Rules);

    private static Expr Query(string text)
    {
        var body = RegoParser.ParseQuery(text);
        Assert.Null(RoundTrip.CheckQuery(body));
        return Assert.Single(body.Expressions);
    }

    [Theory]
    [InlineData("p := 1")]
    [InlineData("p = 1 if input.x")]
    [InlineData("p if { true }")]
    [InlineData("p contains x if { some x in input.xs }")]
    [InlineData("p[k] := v if { some k, v in input.o }")]
    [InlineData("a.b[x].c contains y if { x := 1; y := 2 }")]
    [InlineData("a.b.c := 1")]
    [InlineData("a[x][y] := z if { x := 1; y := 2; z := 3 }")]
    [InlineData("f(x, y) := z if { z := x + y }")]
    [InlineData("f(x) if x > 0")]
    [InlineData("default p := false")]
    [InlineData("p := 1 if { false } else := 2 if { true } else := 3")]
    [InlineData("p := x if { x := [y | y := input[_]] }")]
    [InlineData("p := x if { x := {y | some y in input} }")]
    [InlineData("p := x if { x := {k: v | some k, v in input} }")]
    [InlineData("p := x if { x := $\"a {input.x} b {1 + 2} \\{literal}\" }")]
    [InlineData("p := x if { x := $`multi\nline {input.x}` }")]
    [InlineData("p if { every k, v in input { k == v } }")]
    [InlineData("p if { not q with input.x as 1 with data.a.b as 2 with count as mock_count }")]
    [InlineData("p := [1, -2, 3.5e1, \"s\", `raw\\`, null, true, {}, set(), {1}, {\"a\": 1}]")]
    [InlineData("p := input.a[x][\"b\"].c if { x := 1 }")]
    [InlineData("p := f(1).y")]
    [InlineData("p := [1, 2][0]")]
    [InlineData("p := x.y.z(1)")]
    [InlineData("p if { x := 1; y := 2 }")]
    [InlineData("p if { some x, y; x = 1; y = 2 }")]
    [InlineData("p := 1 | 2 & 3 == 4 + 5 * 6")]
    [InlineData("p := (1 + 2) * 3 - (4 - 5)")]
    [InlineData("p if { 1 in [1]; 0, 1 in [1] }")]
    public void ConstructsParseAndRoundTrip(string rule) => Assert.NotEmpty(Parse(rule).Rules);

    [Fact]
    public void CompleteRuleHoldsItsValue()
    {
        var rule = Single("p := 1");
        Assert.Equal(RuleKind.SingleValue, rule.Head.Kind);
        Assert.True(rule.Head.Assign);
        Assert.Equal(NumberValue.Of(1), Assert.IsType<ScalarTerm>(rule.Head.Value).Value);
        Assert.True(rule.Body.IsEmpty);
    }

    [Fact]
    public void RuleWithoutValueIsTrue()
    {
        var rule = Single("p if input.x");
        Assert.True(rule.Head.ImplicitValue);
        Assert.Equal(BooleanValue.True, Assert.IsType<ScalarTerm>(rule.Head.Value).Value);
        Assert.True(rule.HasIfKeyword);
        Assert.Single(rule.Body.Expressions);
    }

    [Fact]
    public void ContainsMakesAPartialSet()
    {
        var rule = Single("a.b contains x if { x := 1 }");
        Assert.Equal(RuleKind.MultiValue, rule.Head.Kind);
        Assert.Equal("a.b", rule.Head.Reference.DottedName());
        Assert.Equal("x", Assert.IsType<VarTerm>(rule.Head.Key).Name);
    }

    [Fact]
    public void V0BracketRuleWithoutValueIsAPartialSet()
    {
        var rule = Single("deny[msg] { msg := \"no\" }", V0);
        Assert.Equal(RuleKind.MultiValue, rule.Head.Kind);
        Assert.Equal("deny", rule.Head.Name);
        Assert.Empty(rule.Head.Reference.Path);
    }

    [Fact]
    public void V1BracketRuleWithIfIsSingleValued()
    {
        var rule = Single("a[x] if { x := 1 }");
        Assert.Equal(RuleKind.SingleValue, rule.Head.Kind);
        Assert.Single(rule.Head.Reference.Path);
    }

    [Fact]
    public void FunctionsKeepTheirArguments()
    {
        var rules = Parse("f(x) := 1 if x > 0\nf(x) := 2 if x <= 0").Rules;
        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Equal(RuleKind.Function, r.Head.Kind));
        Assert.Single(rules[0].Head.Arguments!);
    }

    [Fact]
    public void ElseChainsLink()
    {
        var rule = Single("p := 1 if { false } else := 2 if { false } else := 3");
        Assert.NotNull(rule.Else);
        Assert.NotNull(rule.Else.Else);
        Assert.Equal(NumberValue.Of(3), Assert.IsType<ScalarTerm>(rule.Else.Else.Head.Value).Value);
    }

    [Fact]
    public void DefaultRulesAreMarked()
    {
        var rule = Single("default allow := false");
        Assert.True(rule.IsDefault);
    }

    [Theory]
    [InlineData("x = 1", "eq")]
    [InlineData("x := 1", "assign")]
    [InlineData("x == 1", "equal")]
    [InlineData("x != 1", "neq")]
    [InlineData("x < 1", "lt")]
    [InlineData("x <= 1", "lte")]
    [InlineData("x > 1", "gt")]
    [InlineData("x >= 1", "gte")]
    [InlineData("x + 1", "plus")]
    [InlineData("x - 1", "minus")]
    [InlineData("x * 1", "mul")]
    [InlineData("x / 1", "div")]
    [InlineData("x % 1", "rem")]
    [InlineData("x & y", "and")]
    [InlineData("x | y", "or")]
    [InlineData("x in y", "internal.member_2")]
    [InlineData("k, v in y", "internal.member_3")]
    public void OperatorsAreCallsNamedAsOpaNamesThem(string text, string name) =>
        Assert.Equal(name, Assert.IsType<CallTerm>(Query(text).Content).Name);

    [Fact]
    public void MultiplicationBindsTighterThanAddition()
    {
        var call = Assert.IsType<CallTerm>(Query("1 + 2 * 3").Content);
        Assert.Equal("plus", call.Name);
        Assert.Equal("mul", Assert.IsType<CallTerm>(call.Arguments[1]).Name);
    }

    [Fact]
    public void ComparisonBindsLooserThanUnion()
    {
        // OPA's grammar: relation < | < & < arithmetic.
        var call = Assert.IsType<CallTerm>(Query("a | b == c").Content);
        Assert.Equal("equal", call.Name);
        Assert.Equal("or", Assert.IsType<CallTerm>(call.Arguments[0]).Name);
    }

    [Fact]
    public void AssignmentIsLoosest()
    {
        var call = Assert.IsType<CallTerm>(Query("x := a == b").Content);
        Assert.Equal("assign", call.Name);
        Assert.Equal("equal", Assert.IsType<CallTerm>(call.Arguments[1]).Name);
    }

    [Fact]
    public void UnaryMinusOnANumberIsANegativeLiteral()
    {
        var scalar = Assert.IsType<ScalarTerm>(Query("-1.50").Content);
        Assert.Equal("-1.50", scalar.Value.ToString());
    }

    [Fact]
    public void UnaryMinusOnATermIsZeroMinus()
    {
        var call = Assert.IsType<CallTerm>(Query("-x").Content);
        Assert.Equal("minus", call.Name);
    }

    [Fact]
    public void NumbersKeepTheirText()
    {
        var scalar = Assert.IsType<ScalarTerm>(Query("1.0e3").Content);
        Assert.Equal("1.0e3", scalar.Value.ToString());
    }

    [Fact]
    public void StringEscapesAreDecoded()
    {
        var scalar = Assert.IsType<ScalarTerm>(Query("\"a\\n\\u00e9\\\"\"").Content);
        Assert.Equal("a\né\"", ((StringValue)scalar.Value).Value);
    }

    [Fact]
    public void RawStringsAreVerbatim()
    {
        var scalar = Assert.IsType<ScalarTerm>(Query("`a\\n`").Content);
        Assert.Equal("a\\n", ((StringValue)scalar.Value).Value);
    }

    [Fact]
    public void SetConstructorIsTheEmptySetAndBracesTheEmptyObject()
    {
        Assert.IsType<SetTerm>(Query("set()").Content);
        Assert.IsType<ObjectTerm>(Query("{}").Content);
    }

    [Fact]
    public void RefsKeepTheirPath()
    {
        var reference = Assert.IsType<RefTerm>(Query("input.a[x][\"b\"].c").Content);
        Assert.Equal("input", reference.HeadName);
        Assert.Equal(4, reference.Path.Count);
        Assert.IsType<VarTerm>(reference.Path[1]);
    }

    [Fact]
    public void RefsOnCallsAndLiterals()
    {
        Assert.IsType<CallTerm>(Assert.IsType<RefTerm>(Query("f(x).y").Content).Head);
        Assert.IsType<ArrayTerm>(Assert.IsType<RefTerm>(Query("[1, 2][0]").Content).Head);
    }

    [Fact]
    public void DottedCallsNameTheirFunction()
    {
        var call = Assert.IsType<CallTerm>(Query("x.y.z(a)").Content);
        Assert.Equal("x.y.z", call.Name);
    }

    [Fact]
    public void BarInBracesIsAComprehension()
    {
        Assert.IsType<SetComprehension>(Query("{a | b}").Content);
        Assert.IsType<SetTerm>(Query("{(a | b)}").Content);
    }

    [Fact]
    public void SomeInDeclaresAMembership()
    {
        var some = Assert.IsType<SomeDecl>(Query("some k, v in xs").Content);
        Assert.Equal("internal.member_3", Assert.IsType<CallTerm>(Assert.Single(some.Symbols)).Name);
        var vars = Assert.IsType<SomeDecl>(Query("some x, y").Content);
        Assert.Equal(2, vars.Symbols.Count);
    }

    [Fact]
    public void EveryHasKeyValueDomainAndBody()
    {
        var every = Assert.IsType<Every>(Query("every k, v in xs { k == v }").Content);
        Assert.NotNull(every.Key);
        Assert.Single(every.Body.Expressions);
    }

    [Fact]
    public void WithModifiersAttachToTheExpression()
    {
        var expr = Query("not p with input.x as 1 with count as mock");
        Assert.True(expr.Negated);
        Assert.Equal(2, expr.With.Count);
    }

    [Fact]
    public void TemplateStringsSplitTextAndExpressions()
    {
        var template = Assert.IsType<TemplateStringTerm>(Query("$\"a {x} \\{b} {1 + 2}\"").Content);
        Assert.Equal(4, template.Parts.Count);
        Assert.Equal("a ", template.Parts[0].Text);
        Assert.Equal(" {b} ", template.Parts[2].Text);
        Assert.NotNull(template.Parts[3].Expression);
    }

    [Fact]
    public void NestedTemplateStrings()
    {
        var template = Assert.IsType<TemplateStringTerm>(Query("$\"{ {$\"{x}-{y}\": 1} }\"").Content);
        Assert.Single(template.Parts);
    }

    [Fact]
    public void NewlinesSeparateExpressionsAndRefsMustTouch()
    {
        var body = RegoParser.ParseQuery("x := input.a\n[a, b] := [1, 2]");
        Assert.Equal(2, body.Count);
    }

    [Fact]
    public void KeywordsMayHeadRefs()
    {
        var rules = Parse("if.x := 1\ntrue.foo contains \"a\"\np if contains(\"abc\", \"b\")").Rules;
        Assert.Equal(3, rules.Count);
    }

    [Fact]
    public void V0KeywordsAreOnlyKeywordsWhenImported()
    {
        var plain = RegoParser.ParseModule("package test\n\np[x] { x := input.if }", V0);
        Assert.Equal(RegoVersion.V0, plain.RegoVersion);
        var future = RegoParser.ParseModule("package test\nimport future.keywords.in\np[x] { some x in input }", V0);
        Assert.Single(future.Rules);
        var regoV1 = RegoParser.ParseModule("package test\nimport rego.v1\np contains x if { some x in input }", V0);
        Assert.Equal(RegoVersion.V0CompatibleV1, regoV1.RegoVersion);
    }

    [Fact]
    public void V1AcceptsRegoV1AndFutureImports()
    {
        var module = Parse("import rego.v1\nimport future.keywords.in\n\np if { 1 in [1] }");
        Assert.Equal(2, module.Imports.Count);
        Assert.Equal(RegoVersion.V1, module.RegoVersion);
    }

    [Fact]
    public void ImportsKeepTheirAlias()
    {
        var import = Assert.Single(Parse("import data.foo.bar as baz\n\np := baz").Imports);
        Assert.Equal("baz", import.Alias);
        Assert.Equal("data.foo.bar", import.Path.DottedName());
    }

    [Fact]
    public void PackagePathIsRootedAtData()
    {
        var module = RegoParser.ParseModule("package a.b[\"c-d\"]");
        Assert.Equal("data", module.Package.Path.HeadName);
        Assert.Equal(3, module.Package.Path.Path.Count);
        Assert.StartsWith("package a.b[\"c-d\"]", module.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LocationsPointAtTheSource()
    {
        var module = RegoParser.ParseModule("package test\n\np := 1\n  q := 2", new ParserOptions { FileName = "x.rego" });
        Assert.Equal(new Location("x.rego", 4, 3, 23, 6), module.Rules[1].Location);
        Assert.Equal("q := 2", module.Rules[1].Location.Text("package test\n\np := 1\n  q := 2"));
    }

    [Fact]
    public void CommentsAreKeptForAnnotations()
    {
        var module = RegoParser.ParseModule("# METADATA\n# title: t\npackage test\n\np := 1 # trailing");
        Assert.Equal(3, module.Comments.Count);
        Assert.Equal(" METADATA", module.Comments[0].Text);
        Assert.Equal(new Location(string.Empty, 5, 8, 43, 10), module.Comments[2].Location);
        Assert.Equal("# trailing", module.Comments[2].ToString());
    }
}
