using System.Text.Json.Nodes;
using static Palisade.Cli.Tests.CliRunner;

namespace Palisade.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void EvaluatesAQueryWithPoliciesDataAndYamlInput()
    {
        Write("policy/main.rego", """
            package main

            deny contains msg if {
                input.kind == "Deployment"
                not input.spec.template.spec.securityContext.runAsNonRoot
                not input.metadata.name in data.exempt.names
                msg := sprintf("%s must run as non-root", [input.metadata.name])
            }
            """);
        Write("policy/exempt/data.yaml", "names: [legacy]\n");
        var input = Write("deployment.yaml", "kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec: {}\n");

        var (exit, stdout, stderr) = Run("eval", "-d", Path.Combine(_dir, "policy"), "-i", input, "data.main.deny");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var result = JsonNode.Parse(stdout)!["result"]![0]!;
        Assert.Equal("""["web must run as non-root"]""", result["expressions"]![0]!["value"]!.ToJsonString());
        Assert.Equal("data.main.deny", result["expressions"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_result_deeper_than_json_output_allows_is_one_line_and_exit_1_and_one_within_it_prints()
    {
        var input = Write("input.json", $$"""{"shallow": "{{new string('[', 200)}}{{new string(']', 200)}}", "deep": "{{new string('[', 5000)}}{{new string(']', 5000)}}"}""");

        var shallow = Run("eval", "-i", input, "--format", "raw", "json.unmarshal(input.shallow)");
        var (exit, stdout, stderr) = Run("eval", "-i", input, "json.unmarshal(input.deep)");

        Assert.Equal(0, shallow.ExitCode);
        Assert.Equal(399, shallow.Stdout.Count(c => c == '\n'));
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal("the value nests deeper than 1000 levels and cannot be written as JSON\n", stderr);
    }

    [Fact]
    public void ReportsBindingsAndValues()
    {
        var (exit, stdout, _) = Run("eval", "--format", "json", "x := [1, 2][_]; y := x * 10");

        Assert.Equal(0, exit);
        var results = JsonNode.Parse(stdout)!["result"]!.AsArray();
        Assert.Equal(["{\"x\":1,\"y\":10}", "{\"x\":2,\"y\":20}"], results.Select(r => r!["bindings"]!.ToJsonString()));

        var values = Run("eval", "--format", "values", "count({1, 2, 3})");
        Assert.Equal("[\n  3\n]\n", values.Stdout);

        var raw = Run("eval", "--format", "raw", "concat(\"-\", [\"a\", \"b\"])");
        Assert.Equal("a-b\n", raw.Stdout);
    }

    [Fact]
    public void AnUndefinedQueryPrintsAnEmptyObject()
    {
        var (exit, stdout, _) = Run("eval", "1 == 2");

        Assert.Equal(0, exit);
        Assert.Equal("{}\n", stdout);
    }

    [Fact]
    public void InvalidRegoIsReportedWithCodeFileAndLine()
    {
        var bad = Write("bad.rego", "package bad\n\np if {\n  x :=\n}\n");

        var (exit, stdout, _) = Run("eval", "-d", bad, "data.bad.p");

        Assert.Equal(1, exit);
        var error = JsonNode.Parse(stdout)!["errors"]![0]!;
        Assert.Equal("rego_parse_error", error["code"]!.GetValue<string>());
        Assert.Equal(bad.Replace('\\', '/'), error["location"]!["file"]!.GetValue<string>());
        Assert.Equal(5, error["location"]!["row"]!.GetValue<int>());
    }

    [Fact]
    public void StrictBuiltinErrorsEndTheQuery()
    {
        Assert.Equal("{}\n", Run("eval", "x := 1 / 0").Stdout);

        var (exit, stdout, _) = Run("eval", "--strict-builtin-errors", "x := 1 / 0");

        Assert.Equal(1, exit);
        Assert.Contains("divide by zero", stdout, StringComparison.Ordinal);
        Assert.Contains("eval_builtin_error", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsVersionZeroPoliciesWhenAsked()
    {
        var policy = Write("v0.rego", "package v0\n\ndeny[msg] {\n  input.x > 1\n  msg := \"too big\"\n}\n");
        var input = Write("input.json", "{\"x\": 5}");

        var (exit, stdout, _) = Run("eval", "--v0-compatible", "-d", policy, "-i", input, "--format", "values", "data.v0.deny");

        Assert.Equal(0, exit);
        Assert.Equal("[\n  [\n    \"too big\"\n  ]\n]\n", stdout);
    }
}
