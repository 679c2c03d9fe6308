using static Palisade.Rego.Tests.Builtins.Builtin;

namespace Palisade.Rego.Tests.Builtins;

public sealed class RenderTemplateTests
{
    [Theory]
    [InlineData("hello {{.test}}", "{\"test\": \"world\"}", "hello world")]
    [InlineData("{{.a.b}} {{.n}} {{.f}} {{.big}} {{.t}} {{.z}}", "{\"a\": {\"b\": \"x\"}, \"n\": 1, \"f\": 1.5, \"big\": 1000000, \"t\": true, \"z\": null}", "x 1 1.5 1e+06 true <no value>")]
    [InlineData("{{.list}} {{.obj}}", "{\"list\": [1, \"a\", null], \"obj\": {\"b\": 2, \"a\": [true]}}", "[1 a <nil>] map[a:[true] b:2]")]
    [InlineData("{{range .items}}<{{.}}>{{end}}", "{\"items\": [\"a\", \"b\"]}", "<a><b>")]
    [InlineData("{{range $i, $v := .items}}{{$i}}={{$v}};{{end}}", "{\"items\": [\"a\", \"b\"]}", "0=a;1=b;")]
    [InlineData("{{range $k, $v := .m}}{{$k}}:{{$v}} {{end}}", "{\"m\": {\"y\": 2, \"x\": 1}}", "x:1 y:2 ")]
    [InlineData("{{range .items}}x{{else}}empty{{end}}", "{\"items\": []}", "empty")]
    [InlineData("{{if .ok}}yes{{else}}no{{end}}", "{\"ok\": false}", "no")]
    [InlineData("{{if .a}}A{{else if .b}}B{{else}}C{{end}}", "{\"a\": \"\", \"b\": [1]}", "B")]
    [InlineData("{{with .user}}{{.name}}{{end}}", "{\"user\": {\"name\": \"ann\"}}", "ann")]
    [InlineData("{{- /* comment */ -}}  a  {{- .x -}}  b", "{\"x\": \"!\"}", "a!b")]
    [InlineData("{{len .items}} {{index .items 1}} {{index .m \"k\"}}", "{\"items\": [\"a\", \"b\"], \"m\": {\"k\": \"v\"}}", "2 b v")]
    [InlineData("{{if eq .s \"x\"}}same{{end}}{{if ne .s \"y\"}}!{{end}}", "{\"s\": \"x\"}", "same!")]
    [InlineData("{{if and .a (not .b)}}ok{{end}}", "{\"a\": true, \"b\": false}", "ok")]
    [InlineData("{{printf \"%s-%03.1f\" .s .n}}", "{\"s\": \"x\", \"n\": 2.5}", "x-2.5")]
    [InlineData("{{.s | printf \"[%s]\"}}", "{\"s\": \"x\"}", "[x]")]
    [InlineData("{{$x := .s}}{{$x}}{{$x}}", "{\"s\": \"ab\"}", "abab")]
    [InlineData("{{html .s}} {{urlquery .s}}", "{\"s\": \"<a&b>\"}", "&lt;a&amp;b&gt; %3Ca%26b%3E")]
    [InlineData("{{range .items}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", "{\"items\": [\"a\", \"b\", \"c\"]}", "a")]
    [InlineData("{{print 1 2 \"a\" \"b\"}}", "{}", "1 2ab")]
    public void Renders(string template, string data, string expected) =>
        Assert.Equal(S(expected), Call("strings.render_template", S(template), J(data)));

    [Theory]
    [InlineData("hello {{.missing}}", "{}", "template: template:1:8: executing \"template\" at <.missing>: map has no entry for key \"missing\"")]
    [InlineData("a\n  {{.x.y}}", "{\"x\": \"s\"}", "template: template:2:4: executing \"template\" at <.x.y>: can't evaluate field y in type string")]
    [InlineData("{{if eq .n 1}}x{{end}}", "{\"n\": 1}", "template: template:1:5: executing \"template\" at <eq .n 1>: error calling eq: incompatible types for comparison")]
    [InlineData("{{.x", "{}", "template: template:1: unclosed action")]
    [InlineData("{{if .x}}", "{}", "template: template:1: unexpected EOF")]
    [InlineData("{{end}}", "{}", "template: template:1: unexpected {{end}}")]
    [InlineData("{{foo .x}}", "{}", "template: template:1: function \"foo\" not defined")]
    public void Errors(string template, string data, string message) =>
        Assert.Equal(message, Error("strings.render_template", S(template), J(data)).Message);
}
