using Palisade.Policy.Reporting;
using static Palisade.Policy.Tests.Reporting.Sample;

namespace Palisade.Policy.Tests.Reporting;

public sealed class AzureDevOpsReporterTests
{
    private const string Service = "examples/kubernetes/service.yaml";

    private static string Azure(params Palisade.Policy.Checks.FileCheckResults[] files) => Render(new AzureDevOpsReporter(), Report(files));

    [Fact]
    public void InputWithoutResults() =>
        Assert.Equal(
            Lines(
                $"##[section]Testing '{Service}' against 0 policies in namespace 'namespace'",
                "##[group]See conftest results",
                "##[endgroup]",
                "0 tests, 0 passed, 0 warnings, 0 failures, 0 exceptions"),
            Azure(File(Service, "namespace")));

    [Fact]
    public void EmptyReportWritesOnlyTheSummary() =>
        Assert.Equal(Lines("0 tests, 0 passed, 0 warnings, 0 failures, 0 exceptions"), Azure());

    [Fact]
    public void EveryKindOfResultAsConftestWritesIt() =>
        Assert.Equal(
            Lines(
                $"##[section]Testing '{Service}' against 7 policies in namespace 'namespace'",
                "##[group]See conftest results",
                $"##vso[task.logissue type=error] file={Service} --> first failure",
                $"##vso[task.logissue type=warning] file={Service} --> first warning",
                $"##vso[task.logissue type=warning] file={Service} --> first exception",
                $"skipped file={Service} first skipped",
                $"success file={Service} 3",
                "##[endgroup]",
                "7 tests, 3 passed, 1 warning, 1 failure, 1 exception"),
            Azure(File(
                Service,
                "namespace",
                successes: 3,
                failures: [Result("first failure")],
                warnings: [Result("first warning")],
                exceptions: [Result("first exception")],
                skipped: [Result("first skipped")])));

    [Fact]
    public void StdinAndSeveralInputs() =>
        Assert.Equal(
            Lines(
                "##[section]Testing '-' against 1 policies in namespace 'main'",
                "##[group]See conftest results",
                "##vso[task.logissue type=error] file=- --> first failure",
                "##[endgroup]",
                "##[section]Testing 'b.yaml' against 1 policies in namespace 'kube'",
                "##[group]See conftest results",
                "success file=b.yaml 1",
                "##[endgroup]",
                "2 tests, 1 passed, 0 warnings, 1 failure, 0 exceptions"),
            Azure(File("-", "main", failures: [Result("first failure")]), File("b.yaml", "kube", successes: 1)));

    [Fact]
    public void LocatedResultsCarrySourcePathAndLine() =>
        Assert.Equal(
            Lines(
                "##[section]Testing 'Combined' against 2 policies in namespace 'main'",
                "##[group]See conftest results",
                "##vso[task.logissue type=error;sourcepath=manifests/a.yaml;linenumber=7;columnnumber=3] file=Combined --> duplicate name",
                "##vso[task.logissue type=warning;sourcepath=manifests/b%3B1%5D.yaml;linenumber=2] file=Combined --> odd file",
                "##[endgroup]",
                "2 tests, 0 passed, 1 warning, 1 failure, 0 exceptions"),
            Azure(File(
                "Combined",
                "main",
                failures: [Result("duplicate name", At("manifests/a.yaml", 7, 3))],
                warnings: [Result("odd file", At("manifests/b;1].yaml", 2, 0))])));

    [Fact]
    public void IssueTextIsEscapedForLoggingCommands() =>
        Assert.Contains(
            "##vso[task.logissue type=error] file=a.yaml --> 100%AZP25 wrong%0Asecond%0D%0Athird\n",
            Azure(File("a.yaml", "main", failures: [Result("100% wrong\nsecond\r\nthird")])),
            StringComparison.Ordinal);
}
