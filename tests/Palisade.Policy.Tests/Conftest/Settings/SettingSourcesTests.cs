using Palisade.Policy.Conftest;
using Palisade.Policy.Conftest.Settings;

namespace Palisade.Policy.Tests.Conftest.Settings;

public sealed class SettingSourcesTests
{
    private static readonly ConfigFile File = ConfigFile.Parse("conftest.toml", """
        policy = "from-file"
        namespace = ["a", "b"]
        fail-on-warn = true
        output = "xml"
        """);

    private static SettingSources With(params (string Name, string Value)[] environment) =>
        new(File, name => environment.FirstOrDefault(e => e.Name == name).Value);

    [Fact]
    public void TheFileSetsWhatTheEnvironmentDoesNot()
    {
        var sources = With();
        Assert.Equal(["from-file"], sources.Find("policy"));
        Assert.Equal(["a", "b"], sources.Find("namespace"));
        Assert.True(sources.FindBool("fail-on-warn"));
        Assert.Null(sources.Find("data"));
        Assert.Null(sources.FindBool("no-fail"));
    }

    [Fact]
    public void TheEnvironmentWinsOverTheFile()
    {
        var sources = With(("CONFTEST_POLICY", "from-env"), ("CONFTEST_FAIL_ON_WARN", "false"), ("CONFTEST_NO_FAIL", "TRUE"));
        Assert.Equal(["from-env"], sources.Find("policy"));
        Assert.False(sources.FindBool("fail-on-warn"));
        Assert.True(sources.FindBool("no-fail"));
    }

    [Fact]
    public void AnEnvironmentListIsSplitAtWhiteSpace()
    {
        Assert.Equal(["x", "y", "z"], With(("CONFTEST_NAMESPACE", " x  y\tz ")).Find("namespace"));
    }

    [Fact]
    public void VariableNamesAreTheFlagInUpperCaseWithUnderscores()
    {
        Assert.Equal("CONFTEST_ALL_NAMESPACES", SettingSources.EnvironmentVariable("all-namespaces"));
    }

    [Fact]
    public void BadValuesNameTheirSource()
    {
        Assert.Equal("conftest.toml: output 'xml' is not one of stdout, json",
            Assert.Throws<ConftestException>(() => With().FindOneOf("output", ["stdout", "json"])).Message);
        Assert.Equal("conftest.toml: namespace expects one value, got 2",
            Assert.Throws<ConftestException>(() => With().FindOne("namespace")).Message);
        Assert.Equal("CONFTEST_NO_FAIL expects true or false, got 'maybe'",
            Assert.Throws<ConftestException>(() => With(("CONFTEST_NO_FAIL", "maybe")).FindBool("no-fail")).Message);
    }
}
