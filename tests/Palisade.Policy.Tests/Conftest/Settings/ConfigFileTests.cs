using Palisade.Policy.Conftest;
using Palisade.Policy.Conftest.Settings;

namespace Palisade.Policy.Tests.Conftest.Settings;

public sealed class ConfigFileTests
{
    [Fact]
    public void ReadsStringsBooleansNumbersArraysCommentsAndBlankLines()
    {
        var file = ConfigFile.Parse("conftest.toml", """
            # settings for the team's policies
            policy = "test"   # relative to the current folder

            namespace = ['conftest', "main"]
            all-namespaces = true
            fail-on-warn = false
            data = [ "data/a", "data/b", ]
            retries = 1_000
            ignore = "\\.git\u0041"
            """);

        Assert.Equal(["test"], file.Values["policy"]);
        Assert.Equal(["conftest", "main"], file.Values["namespace"]);
        Assert.Equal(["true"], file.Values["all-namespaces"]);
        Assert.Equal(["false"], file.Values["fail-on-warn"]);
        Assert.Equal(["data/a", "data/b"], file.Values["data"]);
        Assert.Equal(["1000"], file.Values["retries"]);
        Assert.Equal(["\\.gitA"], file.Values["ignore"]);
        Assert.Equal(7, file.Values.Count);
    }

    [Fact]
    public void AcceptsWindowsLineEndsAndAnEmptyFile()
    {
        Assert.Equal(["x"], ConfigFile.Parse("c.toml", "policy = \"x\"\r\n").Values["policy"]);
        Assert.Empty(ConfigFile.Parse("c.toml", "").Values);
    }

    [Theory]
    [InlineData("policy = \"test\"\nnamespace = conftest\n", "conftest.toml:2: 'conftest' is not a string, boolean, number or array")]
    [InlineData("policy = \"test", "conftest.toml:1: unterminated string")]
    [InlineData("\n\npolicy \"test\"", "conftest.toml:3: expected '='")]
    [InlineData("[test]\npolicy = \"x\"", "conftest.toml:1: tables are not supported; settings are top-level keys")]
    [InlineData("policy = [\"a\",\n\"b\"]", "conftest.toml:1: arrays must end on the line they start")]
    [InlineData("policy = [1, 2]", "conftest.toml:1: array items must be strings")]
    [InlineData("policy = \"a\" \"b\"", "conftest.toml:1: unexpected text after the value")]
    [InlineData("policy = \"a\"\npolicy = \"b\"", "conftest.toml:2: key 'policy' is set twice")]
    [InlineData("policy = \"\\q\"", "conftest.toml:1: unknown escape '\\q'")]
    [InlineData("policy =", "conftest.toml:1: expected a value")]
    public void ReportsTheFileAndLineOfWhatItCannotRead(string text, string message)
    {
        var error = Assert.Throws<ConftestException>(() => ConfigFile.Parse("conftest.toml", text));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void AMissingFileIsAnErrorNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "palisade-no-such-folder", "conftest.toml");
        var error = Assert.Throws<ConftestException>(() => ConfigFile.Read(path));
        Assert.StartsWith(path + ": cannot read the configuration file", error.Message, StringComparison.Ordinal);
    }
}
