using static Palisade.Cli.Tests.CliRunner;

namespace Palisade.Cli.Tests;

public sealed class VerifyCommandTests : IDisposable
{
    private const string Policy = """
        package main

        deny contains msg if {
        	input.kind == "Pod"
        	msg := sprintf("pod %s", [input.metadata.name])
        }
        """;

    private const string PassingTests = """
        package main

        test_denies_pods if count(deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "web"}}

        test_allows_services if count(deny) == 0 with input as {"kind": "Service"}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-verify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string relative) => Path.Combine(_dir, relative);

    private void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private (int ExitCode, string Stdout, string Stderr) Verify(params string[] args) =>
        Run(["verify", "-p", PathOf("policy"), .. args]);

    [Fact]
    public void PassingTestsExitZeroWithTheCount()
    {
        Write("policy/main.rego", Policy);
        Write("policy/main_test.rego", PassingTests);

        var (exit, stdout, stderr) = Verify();

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal("PASS: 2/2\n", stdout);
    }

    [Fact]
    public void FailuresAndErrorsAreListedWithFileAndLineAndExitOne()
    {
        Write("policy/main.rego", Policy);
        Write("policy/main_test.rego", PassingTests + """

            test_wrong if count(deny) == 2 with input as {"kind": "Pod", "metadata": {"name": "web"}}

            f(_) := 1
            f(_) := 2
            test_conflict if f(1) == 1

            todo_later if false
            """);

        var (exit, stdout, _) = Verify();

        Assert.Equal(1, exit);
        var file = PathOf("policy/main_test.rego").Replace('\\', '/');
        Assert.Contains(file + ":\ndata.main.test_wrong: FAIL (", stdout, StringComparison.Ordinal);
        Assert.Contains("  " + file + ":6: the test is undefined\n", stdout, StringComparison.Ordinal);
        Assert.Contains("data.main.test_conflict: ERROR (", stdout, StringComparison.Ordinal);
        Assert.Contains("eval_conflict_error: functions must not produce multiple outputs for same inputs", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("test_denies_pods", stdout, StringComparison.Ordinal);
        Assert.EndsWith("PASS: 2/5\nFAIL: 1/5\nSKIPPED: 1/5\nERROR: 1/5\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void VerboseListsEveryTestAndWhatItPrinted()
    {
        Write("policy/main.rego", Policy);
        Write("policy/main_test.rego", "package main\n\ntest_prints if {\n\tprint(\"hello from\", \"test\")\n}\n\ntodo_later if false\n");

        var (exit, stdout, _) = Verify("--verbose");

        Assert.Equal(0, exit);
        Assert.Contains("data.main.test_prints: PASS (", stdout, StringComparison.Ordinal);
        Assert.Contains("\n\n  hello from test\n\n", stdout, StringComparison.Ordinal);
        Assert.Contains("data.main.todo_later: SKIPPED\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RunSelectsTestsByRegularExpression()
    {
        Write("policy/main.rego", Policy);
        Write("policy/main_test.rego", PassingTests + "\ntest_broken if false\n");

        Assert.Equal(1, Verify().ExitCode);
        var (exit, stdout, _) = Verify("--run", "main\\.test_(denies|allows)");
        Assert.Equal(0, exit);
        Assert.Equal("PASS: 2/2\n", stdout);

        var none = Verify("-r", "nothing_matches");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no tests match --run", none.Stderr, StringComparison.Ordinal);

        var invalid = Verify("-r", "(unclosed");
        Assert.Equal(1, invalid.ExitCode);
        Assert.StartsWith("verify: --run: ", invalid.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFilesAreLoadedWithData()
    {
        Write("policy/main.rego", "package main\n\nallowed contains port if some port in data.config.ports\n");
        Write("policy/main_test.rego", "package main\n\ntest_ports if allowed == {80, 443}\n");
        Write("data/config.yaml", "config:\n  ports: [80, 443]\n");

        Assert.Equal(1, Verify().ExitCode);
        Assert.Equal(0, Verify("-d", PathOf("data/config.yaml")).ExitCode);
    }

    [Fact]
    public void ASyntaxErrorGivesFileLineAndColumn()
    {
        Write("policy/main.rego", Policy);
        Write("policy/main_test.rego", "package main\n\ntest_broken if {\n\tcount(deny) ==\n}\n");

        var (exit, stdout, stderr) = Verify();

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Matches(@"^\S*main_test\.rego:5:1: rego_parse_error: ", stderr);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RegoV0ModulesNeedTheV0Flag()
    {
        Write("policy/main.rego", "package main\n\ndeny[msg] {\n\tinput.kind == \"Pod\"\n\tmsg := \"pod\"\n}\n");
        Write("policy/main_test.rego", "package main\n\ntest_pod {\n\tdeny[\"pod\"] with input as {\"kind\": \"Pod\"}\n}\n");

        Assert.Equal(1, Verify().ExitCode);
        Assert.Equal(0, Verify("--v0-compatible").ExitCode);
        Assert.Equal(0, Verify("--rego-version", "v0").ExitCode);
        Assert.Equal(1, Verify("--rego-version", "v1", "--v0-compatible").ExitCode);
    }

    [Fact]
    public void StrictModeRejectsUnusedVariables()
    {
        Write("policy/main.rego", Policy);
        Write("policy/main_test.rego", "package main\n\ntest_unused if {\n\tx := 1\n\ttrue\n}\n");

        Assert.Equal(0, Verify().ExitCode);
        var (exit, _, stderr) = Verify("--strict");
        Assert.Equal(1, exit);
        Assert.Contains("main_test.rego:4: rego_compile_error: assigned var x unused", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonOutputIsOpasReport()
    {
        Write("policy/main.rego", Policy);
        Write("policy/main_test.rego", PassingTests);

        var (exit, stdout, _) = Verify("-o", "json");

        Assert.Equal(0, exit);
        var json = System.Text.Json.Nodes.JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal(["test_denies_pods", "test_allows_services"], json.Select(t => (string?)t!["name"]));
    }

    [Fact]
    public void AMissingPolicyFolderIsAnError()
    {
        var (exit, _, stderr) = Verify();

        Assert.Equal(1, exit);
        Assert.Contains("no such file or folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadTimeoutIsAnError()
    {
        Write("policy/main_test.rego", PassingTests);

        var (exit, _, stderr) = Verify("--timeout", "soon");

        Assert.Equal(1, exit);
        Assert.Contains("--timeout soon", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExamplePolicyRepositorysRulesPassTheirTests()
    {
        var policy = Path.Combine(RepositoryRoot(), "examples", "policy-repo", "policy");

        var (exit, stdout, stderr) = Run("verify", "-p", policy);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Matches(@"^PASS: (\d+)/\1\n$", stdout);
    }

    [Theory]
    [InlineData("order-400.yaml", "NetworkPolicy shop/appid-acme-ams-shop-early: spec.order 400 is below 500; orders below 500 are reserved for platform policies")]
    [InlineData("allow-all-ingress.yaml", "NetworkPolicy shop/appid-acme-ams-shop-open: spec.ingress[0] allows traffic from anywhere; name its sources (selector, namespaceSelector, serviceAccounts, services or nets)")]
    public void TheExampleRulesDenyEachFixtureForOneReason(string fixture, string message)
    {
        var root = RepositoryRoot();
        var input = Path.Combine(root, "tests", "Palisade.Cli.Tests", "Fixtures", "policy-repo", fixture);

        var (exit, stdout, stderr) = Run("eval", "-d", Path.Combine(root, "examples", "policy-repo", "policy"), "-i", input, "-f", "values", "data.main.deny");

        Assert.True(exit == 0, stderr);
        var denials = System.Text.Json.Nodes.JsonNode.Parse(stdout)!.AsArray().Single()!.AsArray();
        Assert.Equal([message], denials.Select(d => (string?)d));
    }
}
