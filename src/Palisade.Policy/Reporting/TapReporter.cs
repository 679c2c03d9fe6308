using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's <c>tap</c> format: per input a plan <c>1..N</c>, then failures (<c>not ok</c>), <c># warnings</c>
/// (<c>not ok</c>), <c># exceptions</c> and <c># skip</c> (<c>ok</c>) and <c># successes</c> (<c>ok … SUCCESS</c>),
/// numbered from 1 within the input.
/// </summary>
/// <remarks>
/// Source locations are not printed: a TAP line's description is free text that consumers and scripts compare
/// verbatim, so the output stays byte-identical to conftest's. One deliberate difference: conftest stops writing at
/// the first input with no tests at all (a <c>return</c> inside its loop), silently dropping later inputs; this skips
/// only that input.
/// </remarks>
public sealed class TapReporter : IReporter
{
    public const string FormatName = "tap";

    public void Write(CheckReport report, TextWriter output)
    {
        foreach (var file in report.Files)
        {
            if (file.Total == 0)
            {
                continue;
            }

            var subject = $"{(file.FileName == "-" ? "-" : $"- {file.FileName}")} {(file.Namespace == "-" ? "-" : $"- {file.Namespace} -")}";
            var number = 1;
            void Line(string status, string message) => output.Write($"{status} {number++} {subject} {message}\n");

            output.Write($"1..{file.Total}\n");
            foreach (var failure in file.Failures)
            {
                Line("not ok", failure.Message);
            }

            Section("# warnings", file.Warnings, "not ok");
            Section("# exceptions", file.Exceptions, "ok");
            Section("# skip", file.Skipped, "ok");
            if (file.Successes > 0)
            {
                output.Write("# successes\n");
                for (var i = 0; i < file.Successes; i++)
                {
                    Line("ok", "SUCCESS");
                }
            }

            void Section(string heading, IReadOnlyList<CheckResult> results, string status)
            {
                if (results.Count == 0)
                {
                    return;
                }

                output.Write(heading + "\n");
                foreach (var result in results)
                {
                    Line(status, result.Message);
                }
            }
        }
    }
}
