using Palisade.Policy.Conftest;
using Palisade.Rego;
using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Conftest;

/// <summary>conftest's parse_config, parse_config_file and parse_combined_config_files, for policies and tests written for conftest.</summary>
public sealed class ConftestBuiltinsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-conftest-builtins-").FullName;

    public ConftestBuiltinsTests()
    {
        Write("fixtures/web.yaml", "kind: NetworkPolicy\nmetadata:\n  name: web\n");
        Write("fixtures/two.yaml", "a: 1\n---\nb: 2\n");
        Write("fixtures/list.json", "[{\"c\": 3}, {\"d\": 4}]");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("x := parse_config(\"yaml\", \"a: 1\")", """{"a":1}""")]
    [InlineData("x := parse_config(\"yaml\", \"a: 1\\n---\\nb: 2\\n\")", """[{"a":1},{"b":2}]""")]
    [InlineData("x := parse_config(\"json\", \"[1, 2]\")", "[1,2]")]
    [InlineData("x := parse_config_file(\"../fixtures/web.yaml\").metadata.name", "\"web\"")]
    [InlineData("x := parse_config_file(\"../fixtures/two.yaml\")", """[{"a":1},{"b":2}]""")]
    public void Parses_text_and_files_relative_to_the_calling_module(string query, string expected) =>
        Assert.Equal(expected, ValueJson.Serialize(Evaluate(query, fileRoot: null)));

    [Fact]
    public void Combined_files_are_one_entry_per_document_with_the_joined_path()
    {
        var combined = Evaluate("x := parse_combined_config_files([\"../fixtures/web.yaml\", \"../fixtures/two.yaml\", \"../fixtures/list.json\"])", fileRoot: null);

        var paths = ((ArrayValue)combined).Items.ToArray().Select(entry => ((ObjectValue)entry).TryGetValue("path", out var path) ? ((StringValue)path).Value[(_dir.Length + 1)..] : null);
        Assert.Equal(["fixtures/web.yaml", "fixtures/two.yaml", "fixtures/two.yaml", "fixtures/list.json", "fixtures/list.json"], paths);
    }

    [Theory]
    [InlineData("x := parse_config(\"hcl2\", \"a = 1\")", "parse_config: create config parser: unknown parser hcl2")]
    [InlineData("x := parse_config(\"toml\", \"a = [\")", "parse_config: unmarshal config: -:1:6: invalid TOML: ")]
    [InlineData("x := parse_config(\"yaml\", \"a: [\")", "parse_config: unmarshal config: ")]
    [InlineData("x := parse_config_file(\"../fixtures/none.yaml\")", "parse_config_file: read config file ")]
    [InlineData("x := parse_config_file(\"../fixtures/web.txt\")", "parse_config_file: create config parser: no parser for .txt files")]
    public void What_cannot_be_read_or_parsed_is_a_builtin_error(string query, string expected)
    {
        var error = Assert.Throws<RegoException>(() => Evaluate(query, fileRoot: null));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_file_root_a_file_outside_it_cannot_be_read()
    {
        Write("secret.yaml", "token: s3cr3t\n");

        var inside = Evaluate("x := parse_config_file(\"../fixtures/web.yaml\").kind", fileRoot: Path.Combine(_dir));
        var error = Assert.Throws<RegoException>(() => Evaluate("x := parse_config_file(\"../../" + Path.GetFileName(_dir) + "/secret.yaml\")", fileRoot: Path.Combine(_dir, "fixtures")));

        Assert.Equal(StringValue.Of("NetworkPolicy"), inside);
        Assert.Contains("where policies may read files", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The query's x, evaluated in a module at policy/t.rego, with builtin errors fatal.</summary>
    private Value Evaluate(string query, string? fileRoot)
    {
        var module = Path.Combine(_dir, "policy", "t.rego");
        var engine = new RegoEngine(new RegoOptions { Builtins = BuiltinRegistry.Default.With(ConftestBuiltins.Functions(fileRoot)) })
            .AddModule(module, $"package t\n\nimport rego.v1\n\n{query}\n");
        var results = engine.Prepare("x := data.t.x").Evaluate(null, new EvaluationLimits { StrictBuiltinErrors = true });
        return Assert.Single(results).Bindings["x"];
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
