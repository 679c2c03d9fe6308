using Palisade.Policy.Reporting;
using static Palisade.Policy.Tests.Reporting.Sample;

namespace Palisade.Policy.Tests.Reporting;

public sealed class GitHubReporterTests
{
    private const string Service = "examples/kubernetes/service.yaml";

    private static string GitHub(params Palisade.Policy.Checks.FileCheckResults[] files) => Render(new GitHubReporter(), Report(files));

    [Fact]
    public void InputWithoutResultsStillGetsItsGroup() =>
        Assert.Equal(
            Lines(
                $"::group::Testing \"{Service}\" against 0 policies in namespace \"namespace\"",
                $"::notice file={Service},line=1::Number of successful checks: 0",
                "::endgroup::",
                "0 tests, 0 passed, 0 warnings, 0 failures, 0 exceptions"),
            GitHub(File(Service, "namespace")));

    [Fact]
    public void EmptyReportWritesOnlyTheSummary() =>
        Assert.Equal(Lines("0 tests, 0 passed, 0 warnings, 0 failures, 0 exceptions"), GitHub());

    [Fact]
    public void ResultsWithoutLocationPointAtTheInputsFirstLine() =>
        Assert.Equal(
            Lines(
                $"::group::Testing \"{Service}\" against 14 policies in namespace \"namespace\"",
                $"::error file={Service},line=1::first failure",
                $"::warning file={Service},line=1::first warning",
                $"::notice file={Service},line=1::first exception",
                $"::notice file={Service},line=1::Test was skipped: first skipped",
                $"::notice file={Service},line=1::Number of successful checks: 10",
                "::endgroup::",
                "14 tests, 10 passed, 1 warning, 1 failure, 1 exception"),
            GitHub(File(
                Service,
                "namespace",
                successes: 10,
                failures: [Result("first failure")],
                warnings: [Result("first warning")],
                exceptions: [Result("first exception")],
                skipped: [Result("first skipped")])));

    [Fact]
    public void StdinIsNamedDash() =>
        Assert.Equal(
            Lines(
                "::group::Testing \"-\" against 1 policies in namespace \"namespace\"",
                "::error file=-,line=1::first failure",
                "::notice file=-,line=1::Number of successful checks: 0",
                "::endgroup::",
                "1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions"),
            GitHub(File("-", "namespace", failures: [Result("first failure")])));

    [Fact]
    public void ResultsWithALineInTheSameFilePointThere() =>
        Assert.Equal(
            Lines(
                "::group::Testing \"deploy.yaml\" against 3 policies in namespace \"main\"",
                "::error file=deploy.yaml,line=12::no limits",
                "::warning file=deploy.yaml,line=30::latest tag",
                "::notice file=deploy.yaml,line=1::file-level",
                "::notice file=deploy.yaml,line=1::Number of successful checks: 0",
                "::endgroup::",
                "3 tests, 0 passed, 1 warning, 1 failure, 1 exception"),
            GitHub(File(
                "deploy.yaml",
                "main",
                failures: [Result("no limits", At("deploy.yaml", 12, 5))],
                warnings: [Result("latest tag", At("deploy.yaml", 30))],
                exceptions: [Result("file-level", At("deploy.yaml", 0, 0))])));

    [Fact]
    public void ResultsFromAnotherFileAreAnnotatedThereAndOnTheInput() =>
        Assert.Equal(
            Lines(
                "::group::Testing \"Combined\" against 1 policies in namespace \"main\"",
                "::error file=manifests/a.yaml,line=7::duplicate name",
                "::error file=Combined,line=1::(ORIGINATING FROM manifests/a.yaml L7) duplicate name",
                "::notice file=Combined,line=1::Number of successful checks: 0",
                "::endgroup::",
                "1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions"),
            GitHub(File("Combined", "main", failures: [Result("duplicate name", At("manifests/a.yaml", 7))])));

    [Fact]
    public void TextIsEscapedForWorkflowCommands() =>
        Assert.Equal(
            Lines(
                "::group::Testing \"odd,name:1.yaml\" against 2 policies in namespace \"main\"",
                "::error file=odd%2Cname%3A1.yaml,line=1::100%25 wrong%0Asecond line%0D%0Athird",
                "::warning file=odd%2Cname%3A1.yaml,line=1::a \"quoted\" : value, with commas",
                "::notice file=odd%2Cname%3A1.yaml,line=1::Number of successful checks: 0",
                "::endgroup::",
                "2 tests, 0 passed, 1 warning, 1 failure, 0 exceptions"),
            GitHub(File(
                "odd,name:1.yaml",
                "main",
                failures: [Result("100% wrong\nsecond line\r\nthird")],
                warnings: [Result("a \"quoted\" : value, with commas")])));

    [Fact]
    public void GroupTitlesQuoteNamesAsGoDoes() =>
        Assert.StartsWith(
            "::group::Testing \"dir\\\\with \\\"quotes\\\"\\ttab%25.yaml\" against 0 policies in namespace \"main\"\n",
            GitHub(File("dir\\with \"quotes\"\ttab%.yaml", "main")),
            StringComparison.Ordinal);

    [Fact]
    public void SummaryCountsEveryInput() =>
        Assert.EndsWith(
            "\n4 tests, 2 passed, 0 warnings, 2 failures, 0 exceptions\n",
            GitHub(File("a.yaml", "main", successes: 1, failures: [Result("x")]), File("b.yaml", "kube", successes: 1, failures: [Result("y")])),
            StringComparison.Ordinal);
}
