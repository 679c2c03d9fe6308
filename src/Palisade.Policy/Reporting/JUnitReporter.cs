using System.Text;
using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's <c>junit</c> format (go-junit-report's XML): one <c>&lt;testsuite name="conftest.&lt;namespace&gt;"&gt;</c>
/// per namespace, holding per input its warnings and failures as failed test cases, its skipped results as skipped
/// ones and one passing case per success. Exceptions are not reported, as in conftest. A case is named
/// <c>&lt;file&gt; - &lt;first line of the message&gt;</c>, or just the file for successes and with
/// <paramref name="hideMessage"/> (conftest's <c>--junit-hide-message</c>).
/// </summary>
/// <remarks>
/// Differences from conftest, both forced: suites come in the order their namespace first appears (conftest's order
/// is Go's random map order), and the <c>go.version</c> property go-junit-report adds is left out, so there is no
/// <c>&lt;properties&gt;</c> element. Source locations are not added to keep the cases' names and bodies as conftest
/// writes them.
/// </remarks>
public sealed class JUnitReporter(bool hideMessage = false) : IReporter
{
    public const string FormatName = "junit";

    private enum Outcome
    {
        Pass,
        Fail,
        Skip,
    }

    private sealed record TestCase(string Name, Outcome Outcome, string Output);

    public void Write(CheckReport report, TextWriter output)
    {
        var suites = new List<(string Name, List<TestCase> Cases)>();
        foreach (var file in report.Files)
        {
            var name = "conftest." + file.Namespace;
            var index = suites.FindIndex(suite => suite.Name == name);
            if (index < 0)
            {
                suites.Add((name, []));
                index = suites.Count - 1;
            }

            var cases = suites[index].Cases;
            cases.AddRange(file.Warnings.Select(r => new TestCase(CaseName(file.FileName, r.Message), Outcome.Fail, r.Message)));
            cases.AddRange(file.Failures.Select(r => new TestCase(CaseName(file.FileName, r.Message), Outcome.Fail, r.Message)));
            cases.AddRange(file.Skipped.Select(r => new TestCase(CaseName(file.FileName, r.Message), Outcome.Skip, r.Message)));
            cases.AddRange(Enumerable.Repeat(new TestCase(file.FileName, Outcome.Pass, ""), file.Successes));
        }

        // A namespace without a single test gives no suite, as in go-junit-report.
        suites.RemoveAll(suite => suite.Cases.Count == 0);

        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>");
        foreach (var (name, cases) in suites)
        {
            var failures = cases.Count(c => c.Outcome == Outcome.Fail);
            xml.Append($"\n\t<testsuite tests=\"{cases.Count}\" failures=\"{failures}\" time=\"0.000\" name=\"{GoXmlText.Escape(name)}\">");
            foreach (var testCase in cases)
            {
                xml.Append($"\n\t\t<testcase classname=\"{GoXmlText.Escape(ClassName(name))}\" name=\"{GoXmlText.Escape(testCase.Name)}\" time=\"0.000\">");
                switch (testCase.Outcome)
                {
                    case Outcome.Fail:
                        xml.Append($"\n\t\t\t<failure message=\"Failed\" type=\"\">{GoXmlText.Escape(testCase.Output)}</failure>\n\t\t");
                        break;
                    case Outcome.Skip:
                        xml.Append($"\n\t\t\t<skipped message=\"{GoXmlText.Escape(testCase.Output)}\"></skipped>\n\t\t");
                        break;
                }

                xml.Append("</testcase>");
            }

            xml.Append("\n\t</testsuite>");
        }

        xml.Append(suites.Count > 0 ? "\n</testsuites>\n" : "</testsuites>\n");
        output.Write(xml.ToString());
    }

    private string CaseName(string fileName, string message) =>
        hideMessage || message.Length == 0 ? fileName : $"{fileName} - {message.Split('\n')[0]}";

    // go-junit-report names the class after the last path segment of the package.
    private static string ClassName(string suiteName) => suiteName[(suiteName.LastIndexOf('/') + 1)..];
}
