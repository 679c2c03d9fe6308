using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's standard output: <c>WARN</c>, <c>FAIL</c> and <c>EXCP</c> lines (<c>FAIL - file - namespace - message</c>),
/// a blank line, and the summary. Palisade's one addition: the file part is <c>file:line</c> when the line of the
/// document (or of the rule's <c>_loc</c>) is known. print output comes first, as <c>PRNT</c> lines.
/// </summary>
public sealed class StdoutReporter(ReporterOptions options) : IReporter
{
    public const string FormatName = "stdout";

    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Green = "\u001b[32m";
    private const string White = "\u001b[37m";

    public void Write(CheckReport report, TextWriter output)
    {
        foreach (var file in report.Files)
        {
            foreach (var line in file.Outputs)
            {
                output.WriteLine($"PRNT   {line}");
            }

            var ns = file.Namespace == "-" ? "-" : $"- {file.Namespace} -";
            if (file.Total == 0)
            {
                output.WriteLine($"{Paint("?", White)} {Indicator(file.FileName)} {ns} no policies found");
                continue;
            }

            WriteResults(output, "WARN", Yellow, file, file.Warnings, ns);
            WriteResults(output, "FAIL", Red, file, file.Failures, ns);
            if (!options.SuppressExceptions)
            {
                WriteResults(output, "EXCP", Cyan, file, file.Exceptions, ns);
            }
        }

        output.WriteLine();
        output.WriteLine(Paint(Summary(report), SummaryColor(report)));
    }

    /// <summary>conftest's summary, with <c>, N skipped</c> when asked for.</summary>
    public string Summary(CheckReport report)
    {
        var text = SummaryLine.For(report);
        return options.ShowSkipped ? $"{text}, {report.Skipped} skipped" : text;
    }

    private void WriteResults(TextWriter output, string label, string color, FileCheckResults file, IReadOnlyList<CheckResult> results, string ns)
    {
        foreach (var result in results)
        {
            output.WriteLine($"{Paint(label, color)} {Indicator(ResultLocations.FileAndLine(file.FileName, result))} {ns} {result.Message}");
        }
    }

    /// <summary>conftest prints stdin's <c>-</c> alone (<c>FAIL - - main - …</c>).</summary>
    private static string Indicator(string file) => file == "-" ? "-" : $"- {file}";

    private static string SummaryColor(CheckReport report) =>
        report.Failures > 0 ? Red : report.Warnings > 0 ? Yellow : report.Exceptions > 0 ? Cyan : Green;

    private string Paint(string text, string color) => options.Color ? $"{color}{text}\u001b[0m" : text;
}
