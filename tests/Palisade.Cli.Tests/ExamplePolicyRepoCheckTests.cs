using static Palisade.Cli.Tests.CliRunner;

namespace Palisade.Cli.Tests;

/// <summary>
/// The example repository's CI checks, end to end: its own policies pass, and a policy that breaks a governance rule
/// fails the run with the file and line of the offending object.
/// </summary>
public sealed class ExamplePolicyRepoCheckTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string Policy = Path.Combine(Root, "examples", "policy-repo", "policy");

    private static string Fixture(string name) => Path.Combine(Root, "tests", "Palisade.Cli.Tests", "Fixtures", "policy-repo", name);

    [Fact]
    public void TheGeneratedPoliciesPassTheGovernanceRules()
    {
        var (exit, stdout, stderr) = Run("test", "-p", Policy, Path.Combine(Root, "examples", "policy-repo", "policies"));

        Assert.True(exit == 0, stdout + stderr);
        Assert.Matches(@"^\n(\d+) tests, \1 passed, 0 warnings, 0 failures, 0 exceptions\n$", stdout);
    }

    [Theory]
    [InlineData("order-400.yaml", "spec.order 400 is below 500")]
    [InlineData("allow-all-ingress.yaml", "spec.ingress[0] allows traffic from anywhere")]
    public void ABrokenRuleFailsWithFileAndLine(string fixture, string reason)
    {
        var file = Fixture(fixture);

        var (exit, stdout, _) = Run("test", "-p", Policy, "--no-color", file);

        Assert.Equal(1, exit);
        var failure = Assert.Single(stdout.Split('\n'), line => line.StartsWith("FAIL - ", StringComparison.Ordinal));
        Assert.StartsWith($"FAIL - {file}:2 - main - NetworkPolicy shop/", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHubOutputAnnotatesTheOffendingLine()
    {
        var file = Fixture("order-400.yaml");

        var (exit, stdout, _) = Run("test", "-p", Policy, "--output", "github", file);

        Assert.Equal(1, exit);
        Assert.Contains($"::error file={file},line=2::NetworkPolicy shop/appid-acme-ams-shop-early: spec.order 400 is below 500", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void JUnitTestCasesNameTheMessageUnlessHidden(bool hide, bool messageInName)
    {
        var file = Fixture("order-400.yaml");
        string[] args = ["test", "-p", Policy, "--output", "junit", file];

        var (exit, stdout, _) = Run(hide ? [.. args, "--junit-hide-message"] : args);

        Assert.Equal(1, exit);
        var failed = System.Xml.Linq.XDocument.Parse(stdout).Descendants("testcase").Single(t => t.Element("failure") is not null);
        Assert.Equal(messageInName, failed.Attribute("name")!.Value.Contains("spec.order 400", StringComparison.Ordinal));
    }
}
