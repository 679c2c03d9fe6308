using Palisade.Policy.Reporting;
using static Palisade.Policy.Tests.Reporting.Sample;

namespace Palisade.Policy.Tests.Reporting;

public sealed class TapReporterTests
{
    private const string Service = "examples/kubernetes/service.yaml";

    private static string Tap(params Palisade.Policy.Checks.FileCheckResults[] files) => Render(new TapReporter(), Report(files));

    [Fact]
    public void FailuresComeFirstThenNumberedWarnings() =>
        Assert.Equal(
            Lines(
                "1..2",
                $"not ok 1 - {Service} - namespace - first failure",
                "# warnings",
                $"not ok 2 - {Service} - namespace - first warning"),
            Tap(File(Service, "namespace", failures: [Result("first failure")], warnings: [Result("first warning")])));

    [Fact]
    public void ExceptionsSkippedAndSuccessesAreOk() =>
        Assert.Equal(
            Lines(
                "1..6",
                "not ok 1 - deploy.yaml - main - no limits",
                "# warnings",
                "not ok 2 - deploy.yaml - main - latest tag",
                "# exceptions",
                "ok 3 - deploy.yaml - main - data.main.exception[_][_] == \"run_as_root\"",
                "# skip",
                "ok 4 - deploy.yaml - main - first skipped",
                "# successes",
                "ok 5 - deploy.yaml - main - SUCCESS",
                "ok 6 - deploy.yaml - main - SUCCESS"),
            Tap(File(
                "deploy.yaml",
                "main",
                successes: 2,
                failures: [Result("no limits", At("deploy.yaml", 4))],
                warnings: [Result("latest tag")],
                exceptions: [Result("data.main.exception[_][_] == \"run_as_root\"")],
                skipped: [Result("first skipped")])));

    [Fact]
    public void StdinHasNoFileName() =>
        Assert.Equal(
            Lines("1..1", "not ok 1 - - namespace - first failure"),
            Tap(File("-", "namespace", failures: [Result("first failure")])));

    [Fact]
    public void EachInputHasItsOwnPlanAndNumbering() =>
        Assert.Equal(
            Lines(
                "1..1",
                "not ok 1 - a.yaml - main - bad",
                "1..2",
                "# successes",
                "ok 1 - b.yaml - kube - SUCCESS",
                "ok 2 - b.yaml - kube - SUCCESS"),
            Tap(File("a.yaml", "main", failures: [Result("bad")]), File("b.yaml", "kube", successes: 2)));

    [Fact]
    public void InputsWithoutTestsAreLeftOutWithoutDroppingLaterOnes() =>
        Assert.Equal(
            Lines("1..1", "# successes", "ok 1 - b.yaml - main - SUCCESS"),
            Tap(File("a.yaml", "main"), File("b.yaml", "main", successes: 1)));

    [Fact]
    public void EmptyReportWritesNothing() => Assert.Equal("", Tap());

    [Fact]
    public void MessagesAreWrittenAsTheRuleProducedThem() =>
        Assert.Equal(
            Lines("1..1", "not ok 1 - a.yaml - main - line one", "line two 100%"),
            Tap(File("a.yaml", "main", failures: [Result("line one\nline two 100%")])));
}
