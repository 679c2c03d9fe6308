using Palisade.Policy.Reporting;
using static Palisade.Policy.Tests.Reporting.Sample;

namespace Palisade.Policy.Tests.Reporting;

public sealed class JUnitReporterTests
{
    private const string Service = "examples/kubernetes/service.yaml";
    private const string Header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static string JUnit(params Palisade.Policy.Checks.FileCheckResults[] files) => Render(new JUnitReporter(), Report(files));

    [Fact]
    public void NoTestsGiveAnEmptyTestsuitesElement()
    {
        Assert.Equal(Lines(Header, "<testsuites></testsuites>"), JUnit());
        Assert.Equal(Lines(Header, "<testsuites></testsuites>"), JUnit(File(Service, "namespace")));
    }

    [Fact]
    public void WarningsAndFailuresFailAndSkippedAreSkipped() =>
        Assert.Equal(
            Lines(
                Header,
                "<testsuites>",
                "\t<testsuite tests=\"3\" failures=\"2\" time=\"0.000\" name=\"conftest.namespace\">",
                $"\t\t<testcase classname=\"conftest.namespace\" name=\"{Service} - first warning\" time=\"0.000\">",
                "\t\t\t<failure message=\"Failed\" type=\"\">first warning</failure>",
                "\t\t</testcase>",
                $"\t\t<testcase classname=\"conftest.namespace\" name=\"{Service} - first failure\" time=\"0.000\">",
                "\t\t\t<failure message=\"Failed\" type=\"\">first failure</failure>",
                "\t\t</testcase>",
                $"\t\t<testcase classname=\"conftest.namespace\" name=\"{Service} - first skipped\" time=\"0.000\">",
                "\t\t\t<skipped message=\"first skipped\"></skipped>",
                "\t\t</testcase>",
                "\t</testsuite>",
                "</testsuites>"),
            JUnit(File(
                Service,
                "namespace",
                failures: [Result("first failure")],
                warnings: [Result("first warning")],
                skipped: [Result("first skipped")])));

    [Fact]
    public void LongMessagesNameTheCaseByTheirFirstLineAndKeepTheRestEscaped() =>
        Assert.Equal(
            Lines(
                Header,
                "<testsuites>",
                "\t<testsuite tests=\"1\" failures=\"1\" time=\"0.000\" name=\"conftest.namespace\">",
                $"\t\t<testcase classname=\"conftest.namespace\" name=\"{Service} - failure with &lt;long&gt; &#34;message&#34;\" time=\"0.000\">",
                "\t\t\t<failure message=\"Failed\" type=\"\">failure with &lt;long&gt; &#34;message&#34;&#xA;&#xA;It&#39;s R&amp;D&#x9;here\uFFFD</failure>",
                "\t\t</testcase>",
                "\t</testsuite>",
                "</testsuites>"),
            JUnit(File(Service, "namespace", failures: [Result("failure with <long> \"message\"\n\nIt's R&D\there\u0001")])));

    [Fact]
    public void HideMessageNamesCasesByFileOnly() =>
        Assert.Equal(
            Lines(
                Header,
                "<testsuites>",
                "\t<testsuite tests=\"1\" failures=\"1\" time=\"0.000\" name=\"conftest.namespace\">",
                $"\t\t<testcase classname=\"conftest.namespace\" name=\"{Service}\" time=\"0.000\">",
                "\t\t\t<failure message=\"Failed\" type=\"\">first line&#xA;second line</failure>",
                "\t\t</testcase>",
                "\t</testsuite>",
                "</testsuites>"),
            Render(new JUnitReporter(hideMessage: true), Report(File(Service, "namespace", failures: [Result("first line\nsecond line")]))));

    [Fact]
    public void OneSuitePerNamespaceInFirstSeenOrderWithSuccessesPassingAndExceptionsLeftOut() =>
        Assert.Equal(
            Lines(
                Header,
                "<testsuites>",
                "\t<testsuite tests=\"3\" failures=\"1\" time=\"0.000\" name=\"conftest.main\">",
                "\t\t<testcase classname=\"conftest.main\" name=\"b.yaml - bad\" time=\"0.000\">",
                "\t\t\t<failure message=\"Failed\" type=\"\">bad</failure>",
                "\t\t</testcase>",
                "\t\t<testcase classname=\"conftest.main\" name=\"b.yaml\" time=\"0.000\"></testcase>",
                "\t\t<testcase classname=\"conftest.main\" name=\"a.yaml\" time=\"0.000\"></testcase>",
                "\t</testsuite>",
                "\t<testsuite tests=\"1\" failures=\"0\" time=\"0.000\" name=\"conftest.kube\">",
                "\t\t<testcase classname=\"conftest.kube\" name=\"b.yaml\" time=\"0.000\"></testcase>",
                "\t</testsuite>",
                "</testsuites>"),
            JUnit(
                File("b.yaml", "main", successes: 1, failures: [Result("bad")], exceptions: [Result("excepted")]),
                File("b.yaml", "kube", successes: 1),
                File("a.yaml", "main", successes: 1)));
}
