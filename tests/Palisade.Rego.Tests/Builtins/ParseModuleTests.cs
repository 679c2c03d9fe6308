using Palisade.Rego.Builtins;
using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

/// <summary>rego.parse_module returns OPA's JSON syntax tree; the expected trees follow OPA 1.x's ast marshalling.</summary>
public sealed class ParseModuleTests
{
    private const string Package = """{"path": [{"type": "var", "value": "data"}, {"type": "string", "value": "p"}]}""";
    private const string TrueBody = """[{"index": 0, "terms": {"type": "boolean", "value": true}}]""";
    private const string True = """{"type": "boolean", "value": true}""";

    private static string V(string name) => $$"""{"type": "var", "value": "{{name}}"}""";

    private static string Str(string text) => $$"""{"type": "string", "value": "{{text}}"}""";

    private static string Num(int n) => $$"""{"type": "number", "value": {{n}}}""";

    private static string Op(string name) => $$"""{"type": "ref", "value": [{{V(name)}}]}""";

    private static string Ref(params string[] elements) => $$"""{"type": "ref", "value": [{{string.Join(", ", elements)}}]}""";

    private static string Expr(int index, string terms, string extra = "") => $$"""{"index": {{index}}, "terms": {{terms}}{{extra}}}""";

    private static string Call2(string op, string a, string b) => $"[{Op(op)}, {a}, {b}]";

    private static string Rule(string head, string body, string extra = "") => $$"""{"head": {{head}}, "body": {{body}}{{extra}}}""";

    /// <summary>Parses "package p" followed by <paramref name="rules"/> and checks the module's rules.</summary>
    private static void AssertRules(string rules, params string[] expected) =>
        Assert.Equal(
            J($$"""{"package": {{Package}}, "rules": [{{string.Join(", ", expected)}}]}"""),
            Call("rego.parse_module", S("x.rego"), S("package p\n\n" + rules)));

    [Fact]
    public void PackageOnly() =>
        Assert.Equal(J($$"""{"package": {"path": [{{V("data")}}, {{Str("a")}}, {{Str("b")}}]} }"""), Call("rego.parse_module", S("x.rego"), S("package a.b")));

    [Fact]
    public void ImportsAreRefsWithOptionalAlias() =>
        Assert.Equal(
            J($$"""
              {"package": {{Package}}, "imports": [
                {"path": {{Ref(V("input"))}}},
                {"path": {{Ref(V("data"), Str("q"), Str("r"))}}, "alias": "s"}]}
              """),
            Call("rego.parse_module", S("x.rego"), S("package p\nimport input\nimport data.q.r as s")));

    [Fact]
    public void ConstantRuleHasNameAssignAndBodyTrue() =>
        AssertRules("x := 1", Rule($$"""{"name": "x", "ref": [{{V("x")}}], "value": {{Num(1)}}, "assign": true}""", TrueBody));

    [Fact]
    public void RuleWithIfGetsValueTrueAndItsBody() =>
        AssertRules(
            "allow if {\n\tinput.x == 1\n\tnot input.y\n}",
            Rule(
                $$"""{"name": "allow", "ref": [{{V("allow")}}], "value": {{True}}}""",
                $"[{Expr(0, Call2("equal", Ref(V("input"), Str("x")), Num(1)))}, {Expr(1, Ref(V("input"), Str("y")), ", \"negated\": true")}]"));

    [Fact]
    public void MultiValueRuleHasKeyAndNoValue() =>
        AssertRules(
            "s contains x if some x in input",
            Rule(
                $$"""{"name": "s", "ref": [{{V("s")}}], "key": {{V("x")}}}""",
                $$"""[{{Expr(0, $$"""{"symbols": [{"type": "call", "value": [{{Ref(V("internal"), Str("member_2"))}}, {{V("x")}}, {{V("input")}}]}]}""")}}]"""));

    [Fact]
    public void FunctionHasArgs() =>
        AssertRules(
            "f(a, _) := a + 1 if true",
            Rule(
                $$"""{"name": "f", "ref": [{{V("f")}}], "args": [{{V("a")}}, {{V("$0")}}], "value": {"type": "call", "value": [{{Op("plus")}}, {{V("a")}}, {{Num(1)}}]}, "assign": true}""",
                $"[{Expr(0, True)}]"));

    [Fact]
    public void RefHeadsFollowOpasNameAndKeyRules() =>
        AssertRules(
            "a.b.c := 1\nq[k] := 2 if k := \"x\"\nr.s if true\nt.u := 3",
            Rule($$"""{"ref": [{{V("a")}}, {{Str("b")}}, {{Str("c")}}], "value": {{Num(1)}}, "assign": true}""", TrueBody),
            Rule(
                $$"""{"name": "q", "ref": [{{V("q")}}, {{V("k")}}], "key": {{V("k")}}, "value": {{Num(2)}}, "assign": true}""",
                $"[{Expr(0, Call2("assign", V("k"), Str("x")))}]"),
            Rule($$"""{"ref": [{{V("r")}}, {{Str("s")}}], "value": {{True}}}""", $"[{Expr(0, True)}]"),
            Rule($$"""{"name": "t", "ref": [{{V("t")}}, {{Str("u")}}], "key": {{Str("u")}}, "value": {{Num(3)}}, "assign": true}""", TrueBody));

    [Fact]
    public void DefaultAndElse() =>
        AssertRules(
            "default v := 0\nv := 1 if input.a else := 2 if input.b else = 3",
            Rule($$"""{"name": "v", "ref": [{{V("v")}}], "value": {{Num(0)}}, "assign": true}""", TrueBody, ", \"default\": true"),
            Rule(
                $$"""{"name": "v", "ref": [{{V("v")}}], "value": {{Num(1)}}, "assign": true}""",
                $"[{Expr(0, Ref(V("input"), Str("a")))}]",
                $$""", "else": {{Rule(
                    $$"""{"name": "v", "ref": [{{V("v")}}], "value": {{Num(2)}}, "assign": true}""",
                    $"[{Expr(0, Ref(V("input"), Str("b")))}]",
                    $$""", "else": {{Rule($$"""{"name": "v", "ref": [{{V("v")}}], "value": {{Num(3)}}}""", TrueBody)}}""")}}"""));

    [Fact]
    public void EveryWithAndWildcardsNumberedInSourceOrder() =>
        AssertRules(
            "e if {\n\tevery x in input { x > 0 }\n\tinput[_][_] with input as [1]\n}",
            Rule(
                $$"""{"name": "e", "ref": [{{V("e")}}], "value": {{True}}}""",
                $$"""
                  [{{Expr(0, $$"""{"key": null, "value": {{V("x")}}, "domain": {{V("input")}}, "body": [{{Expr(0, Call2("gt", V("x"), Num(0)))}}]}""")}},
                   {{Expr(1, Ref(V("input"), V("$0"), V("$1")), $$""", "with": [{"target": {{V("input")}}, "value": {"type": "array", "value": [{{Num(1)}}]} }]""")}}]
                  """));

    [Fact]
    public void CollectionsAndComprehensions() =>
        AssertRules(
            "c := [{\"b\": 1, \"a\": null}, {3, x, 1}, [y | y := 1], {k: 1 | k := \"z\"}]",
            Rule(
                $$"""
                  {"name": "c", "ref": [{{V("c")}}], "assign": true, "value": {"type": "array", "value": [
                    {"type": "object", "value": [[{{Str("a")}}, {"type": "null", "value": { } }], [{{Str("b")}}, {{Num(1)}}]]},
                    {"type": "set", "value": [{{Num(1)}}, {{Num(3)}}, {{V("x")}}]},
                    {"type": "arraycomprehension", "value": {"term": {{V("y")}}, "body": [{{Expr(0, Call2("assign", V("y"), Num(1)))}}]} },
                    {"type": "objectcomprehension", "value": {"key": {{V("k")}}, "value": {{Num(1)}}, "body": [{{Expr(0, Call2("assign", V("k"), Str("z")))}}]} }]} }
                  """,
                TrueBody));

    [Fact]
    public void TemplateStringHasPartsAndMultiLineFlag() =>
        AssertRules(
            "t := $\"a{x}\"",
            Rule(
                $$"""{"name": "t", "ref": [{{V("t")}}], "assign": true, "value": {"type": "templatestring", "value": {"parts": [{{Str("a")}}, {{Expr(0, V("x"))}}], "multi_line": false} } }""",
                TrueBody));

    [Fact]
    public void CommentsCarryBase64TextAndLocation() =>
        Assert.Equal(
            J($$"""{"package": {{Package}}, "comments": [{"Text": "IGhp", "Location": {"file": "x.rego", "row": 2, "col": 1} }]}"""),
            Call("rego.parse_module", S("x.rego"), S("package p\n# hi")));

    [Fact]
    public void ParseErrorIsTheBuiltinError() =>
        Assert.Equal("1 error occurred: x.rego:1: rego_parse_error: unexpected eof token: expected ident", Error("rego.parse_module", S("x.rego"), S("package foo.")).Message);

    [Fact]
    public void SourceIsReadAsRegoV1() =>
        Assert.Contains("`if` keyword is required", Error("rego.parse_module", S("x.rego"), S("package p\np { true }")).Message, StringComparison.Ordinal);

    [Fact]
    public void RejectsNonStringArguments() => Assert.IsType<BuiltinTypeException>(Error("rego.parse_module", S("x.rego"), N("1")));
}
