using static Palisade.Cli.Tests.CliRunner;

namespace Palisade.Cli.Tests;

/// <summary>palisade test's ways to see into a run: standard input, the evaluation trace, builtin errors, quieter GitHub output.</summary>
public sealed class TestCommandDiagnosticsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-diagnostics-").FullName;

    public TestCommandDiagnosticsTests()
    {
        Write("policy/main.rego", """
            package main

            is_service if input.kind == "Service"

            deny contains "services need a port" if {
                is_service
                count(object.get(input.spec, "ports", [])) == 0
            }

            deny contains "the host must resolve to an address" if {
                input.kind == "Endpoint"
                addresses := net.lookup_ip_addr(input.host)
                count(addresses) == 0
            }
            """);
        Write("bad.yaml", "kind: Service\nspec: {}\n");
        Write("good.yaml", "kind: Service\nspec:\n  ports: [{port: 80}]\n");
        Write("endpoint.yaml", "kind: Endpoint\nhost: nowhere.invalid\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string At(string relative) => Path.Combine(_dir, relative);

    [Fact]
    public void ADashReadsTheInputFromStandardInput()
    {
        var (failing, stdout, _) = RunProcessWithInput(_dir, File.ReadAllText(At("bad.yaml")), "test", "-", "--no-color");
        var (passing, _, _) = RunProcessWithInput(_dir, File.ReadAllText(At("good.yaml")), "test", "-", "--no-color");

        Assert.Equal(1, failing);
        Assert.Contains("FAIL - -", stdout, StringComparison.Ordinal);
        Assert.Contains("services need a port", stdout, StringComparison.Ordinal);
        Assert.Equal(0, passing);
    }

    [Fact]
    public void TraceShowsEachQueryStepByStepInPlaceOfTheResults()
    {
        var (exit, stdout, _) = Run("test", "-p", At("policy"), At("bad.yaml"), "--trace", "--no-color");

        Assert.Equal(1, exit);
        var lines = stdout.Split('\n');
        Assert.Contains($"file: {At("bad.yaml")} | query: data.main.deny", lines);
        Assert.Contains("TRAC   | Enter data.main.deny", lines);
        Assert.Contains("TRAC   | | Eval data.main.is_service", lines);
        Assert.Contains("TRAC   | | | Eval input.kind == \"Service\"", lines);
        Assert.Contains("TRAC   | | | Exit data.main.is_service", lines);
        Assert.Contains("TRAC   | | Fail input.kind == \"Endpoint\"", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void TraceGoesToStandardErrorWithOtherFormats()
    {
        var (exit, stdout, stderr) = Run("test", "-p", At("policy"), At("bad.yaml"), "--trace", "-o", "json");

        Assert.Equal(1, exit);
        Assert.Contains("services need a port", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("TRAC", stdout, StringComparison.Ordinal);
        Assert.Contains("TRAC   | Enter data.main.deny", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ABuiltinErrorIsUndefinedUnlessShown()
    {
        var (quiet, _, _) = Run("test", "-p", At("policy"), At("endpoint.yaml"), "--no-color");
        var (shown, _, stderr) = Run("test", "-p", At("policy"), At("endpoint.yaml"), "--show-builtin-errors", "--no-color");

        Assert.Equal(0, quiet);
        Assert.Equal(1, shown);
        Assert.Contains("built-in error", stderr, StringComparison.Ordinal);
        Assert.Contains("main.rego:12: eval_builtin_error: net.lookup_ip_addr:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHubOutputCanLeaveOutInputsThatPassed()
    {
        var (_, all, _) = Run("test", "-p", At("policy"), At("bad.yaml"), At("good.yaml"), "-o", "github");
        var (_, failedOnly, _) = Run("test", "-p", At("policy"), At("bad.yaml"), At("good.yaml"), "-o", "github", "--github-hide-passed");

        Assert.Contains("good.yaml", all, StringComparison.Ordinal);
        Assert.DoesNotContain("good.yaml", failedOnly, StringComparison.Ordinal);
        Assert.Contains("::error file=", failedOnly, StringComparison.Ordinal);
        Assert.EndsWith("4 tests, 3 passed, 0 warnings, 1 failure, 0 exceptions\n", failedOnly, StringComparison.Ordinal);
    }
}
