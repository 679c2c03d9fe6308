using static Palisade.Cli.Tests.CliRunner;

namespace Palisade.Cli.Tests;

/// <summary>palisade test with a conftest configuration file: the file fills in what flags leave out.</summary>
public sealed class TestCommandConfigFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("palisade-config-").FullName;

    public TestCommandConfigFileTests()
    {
        Write("policies/team.rego", """
            package team

            warn contains "replicas should be set" if not input.spec.replicas
            """);
        Write("service.yaml", "kind: Service\nspec: {}\n");
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
    public void TheFileSetsPolicyNamespaceAndFailOnWarn()
    {
        var config = Write("conftest.toml", $"policy = \"{At("policies")}\"\nnamespace = \"team\"\nfail-on-warn = true\n");

        var (exit, stdout, stderr) = Run("test", "-c", config, At("service.yaml"), "--no-color");

        Assert.Equal("", stderr);
        Assert.Contains("WARN - ", stdout, StringComparison.Ordinal);
        Assert.Contains("team - replicas should be set", stdout, StringComparison.Ordinal);
        Assert.Equal(1, exit);
    }

    [Fact]
    public void FlagsWinOverTheFile()
    {
        var config = Write("conftest.toml", $"policy = \"{At("policies")}\"\nnamespace = \"team\"\nfail-on-warn = true\noutput = \"json\"\n");

        var (exit, stdout, _) = Run("test", "-c", config, "-n", "main", "-o", "stdout", At("service.yaml"), "--no-color");

        Assert.Equal(0, exit);
        Assert.Contains("0 tests", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFlagMayComeBeforeTheSubcommand()
    {
        var config = Write("conftest.toml", $"policy = \"{At("policies")}\"\nnamespace = [\"team\"]\n");

        var (exit, stdout, _) = Run("-c", config, "test", At("service.yaml"), "--no-color");

        Assert.Equal(0, exit);
        Assert.Contains("1 test, 0 passed, 1 warning", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedFileIsAOneLineErrorWithItsLine()
    {
        var config = Write("conftest.toml", "policy = \"x\"\nnamespace = team\n");

        var (exit, stdout, stderr) = Run("test", "-c", config, At("service.yaml"));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"Error: {config}:2: 'team' is not a string, boolean, number or array\n", stderr);
    }

    [Fact]
    public void AnUnknownOutputInTheFileIsRejectedAsTheFlagWouldBe()
    {
        var config = Write("conftest.toml", $"policy = \"{At("policies")}\"\noutput = \"xml\"\n");

        var (exit, _, stderr) = Run("test", "-c", config, At("service.yaml"));

        Assert.Equal(1, exit);
        Assert.StartsWith($"Error: {config}: output 'xml' is not one of stdout, json", stderr, StringComparison.Ordinal);
    }
}
