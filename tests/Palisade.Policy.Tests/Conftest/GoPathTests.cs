using Palisade.Policy.Conftest;

namespace Palisade.Policy.Tests.Conftest;

/// <summary>Go's filepath.Join, with which conftest resolves parse_config_file paths against the calling module.</summary>
public sealed class GoPathTests
{
    [Theory]
    [InlineData("policy", "../fixtures/web.yaml", "fixtures/web.yaml")]
    [InlineData("a/b/policy", "../../c.yaml", "a/c.yaml")]
    [InlineData("policy", "../../up.yaml", "../up.yaml")]
    [InlineData("/repo/policy", "../../../x.yaml", "/x.yaml")]
    [InlineData(".", "./x//y/./z.yaml", "x/y/z.yaml")]
    [InlineData("policy", "", "policy")]
    [InlineData("", "", ".")]
    public void Joins_and_cleans_as_go_does(string folder, string path, string expected) =>
        Assert.Equal(expected, GoPath.Join(folder, path));
}
