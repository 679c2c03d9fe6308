using System.Text;
using Palisade.Kube.Manifests;
using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's <c>github</c> format: GitHub Actions workflow commands. Per input a <c>::group::</c> naming the file,
/// the number of tests and the namespace; an <c>::error</c> per failure, <c>::warning</c> per warning, <c>::notice</c>
/// per exception and per skipped test, a <c>::notice</c> with the number of successful checks, <c>::endgroup::</c>;
/// then conftest's summary line.
/// </summary>
/// <remarks>
/// Every annotation carries <c>file=…,line=…</c>: the result's own <see cref="CheckResult.Location"/> when it has a
/// line (the document or object the message is about), otherwise line 1 of the input, as conftest does. A result
/// located in another file than the input it was reported under (e.g. <c>Combined</c>) is annotated twice, at its
/// own location and at the input's line 1 with <c>(ORIGINATING FROM &lt;file&gt; L&lt;line&gt;)</c>, as conftest does.
/// Unlike conftest, text is escaped as GitHub's workflow commands require (<c>%</c>, CR and LF as <c>%25</c>,
/// <c>%0D</c>, <c>%0A</c>; in <c>file=</c> also <c>:</c> and <c>,</c>), so a multi-line message stays one annotation
/// and a <c>%</c> in a message is printed as written; output for messages without those characters is conftest's.
/// </remarks>
/// <param name="hidePassed">Leave out the group of an input with no failure, warning, exception or skipped test (its checks still count in the summary).</param>
public sealed class GitHubReporter(bool hidePassed = false) : IReporter
{
    public const string FormatName = "github";

    public void Write(CheckReport report, TextWriter output)
    {
        foreach (var file in report.Files)
        {
            if (hidePassed && file.Failures.Count + file.Warnings.Count + file.Exceptions.Count + file.Skipped.Count == 0)
            {
                continue;
            }

            var fileStart = new SourceLocation(file.FileName, 1, 0);
            output.Write($"::group::{EscapeData($"Testing {GoQuotedString.Quote(file.FileName)} against {file.Total} policies in namespace {GoQuotedString.Quote(file.Namespace)}")}\n");
            foreach (var failure in file.Failures)
            {
                Annotate(output, "error", fileStart, failure.Location, failure.Message);
            }

            foreach (var warning in file.Warnings)
            {
                Annotate(output, "warning", fileStart, warning.Location, warning.Message);
            }

            foreach (var exception in file.Exceptions)
            {
                Annotate(output, "notice", fileStart, exception.Location, exception.Message);
            }

            foreach (var skipped in file.Skipped)
            {
                Annotate(output, "notice", fileStart, skipped.Location, "Test was skipped: " + skipped.Message);
            }

            Command(output, "notice", fileStart, $"Number of successful checks: {file.Successes}");
            output.Write("::endgroup::\n");
        }

        output.Write(SummaryLine.For(report) + "\n");
    }

    private static void Annotate(TextWriter output, string level, SourceLocation fileStart, SourceLocation? location, string message)
    {
        if (location is not { Line: > 0 } known)
        {
            Command(output, level, fileStart, message);
        }
        else if (known.File == fileStart.File)
        {
            Command(output, level, known, message);
        }
        else
        {
            Command(output, level, known, message);
            Command(output, level, fileStart, $"(ORIGINATING FROM {known.File} L{known.Line}) {message}");
        }
    }

    private static void Command(TextWriter output, string level, SourceLocation location, string message) =>
        output.Write($"::{level} file={EscapeProperty(location.File)},line={location.Line}::{EscapeData(message)}\n");

    private static string EscapeData(string text) =>
        new StringBuilder(text).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string EscapeProperty(string text) =>
        new StringBuilder(EscapeData(text)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}
