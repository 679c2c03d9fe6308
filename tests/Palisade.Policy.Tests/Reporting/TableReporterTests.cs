using Palisade.Policy.Reporting;
using static Palisade.Policy.Tests.Reporting.Sample;

namespace Palisade.Policy.Tests.Reporting;

public sealed class TableReporterTests
{
    private static string Table(params Palisade.Policy.Checks.FileCheckResults[] files) => Render(new TableReporter(), Report(files));

    [Fact]
    public void WarningSkippedAndFailureAsConftestDrawsThem() =>
        Assert.Equal(
            Lines(
                "┌─────────┬──────────────────────────────────┬───────────┬───────────────┐",
                "│ RESULT  │               FILE               │ NAMESPACE │    MESSAGE    │",
                "├─────────┼──────────────────────────────────┼───────────┼───────────────┤",
                "│ warning │ examples/kubernetes/service.yaml │ namespace │ first warning │",
                "│ skipped │ examples/kubernetes/service.yaml │ namespace │ first skipped │",
                "│ failure │ examples/kubernetes/service.yaml │ namespace │ first failure │",
                "└─────────┴──────────────────────────────────┴───────────┴───────────────┘"),
            Table(File(
                "examples/kubernetes/service.yaml",
                "namespace",
                warnings: [Result("first warning")],
                failures: [Result("first failure")],
                skipped: [Result("first skipped")])));

    [Fact]
    public void SuccessesThenExceptionsPerInputAcrossFilesAndNamespaces() =>
        Assert.Equal(
            Lines(
                "┌───────────┬────────┬────────────┬─────────────┐",
                "│  RESULT   │  FILE  │ NAMESPACE  │   MESSAGE   │",
                "├───────────┼────────┼────────────┼─────────────┤",
                "│ success   │ a.yaml │ main       │ SUCCESS     │",
                "│ success   │ a.yaml │ main       │ SUCCESS     │",
                "│ exception │ a.yaml │ main       │ run as root │",
                "│ failure   │ a.yaml │ main       │ no limits   │",
                "│ warning   │ b.yaml │ kubernetes │ x           │",
                "└───────────┴────────┴────────────┴─────────────┘"),
            Table(
                File("a.yaml", "main", successes: 2, failures: [Result("no limits")], exceptions: [Result("run as root")]),
                File("b.yaml", "kubernetes", warnings: [Result("x")])));

    [Fact]
    public void NoRowsWritesNothing()
    {
        Assert.Equal("", Table());
        Assert.Equal("", Table(File("a.yaml", "main")));
    }

    [Fact]
    public void MultiLineMessagesSpanLinesAndWideCharactersTakeTwoColumns() =>
        Assert.Equal(
            Lines(
                "┌─────────┬────────┬───────────┬──────────┐",
                "│ RESULT  │  FILE  │ NAMESPACE │ MESSAGE  │",
                "├─────────┼────────┼───────────┼──────────┤",
                "│ failure │ a.yaml │ main      │ 日本     │",
                "│         │        │           │ a longer │",
                "└─────────┴────────┴───────────┴──────────┘"),
            Table(File("a.yaml", "main", failures: [Result(" 日本\t\na longer  \n")])));
}
