using System.Text;
using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's <c>azuredevops</c> format: Azure Pipelines logging commands. Per input a <c>##[section]</c> naming the
/// file, the number of tests and the namespace, a <c>##[group]</c>, a <c>task.logissue</c> of type error per failure
/// and of type warning per warning and per exception, a plain line per skipped test and one with the number of
/// successes (if any), <c>##[endgroup]</c>; then conftest's summary line.
/// </summary>
/// <remarks>
/// When a result's <see cref="CheckResult.Location"/> has a line, the issue also carries
/// <c>;sourcepath=&lt;file&gt;;linenumber=&lt;line&gt;[;columnnumber=&lt;column&gt;]</c>, the properties Azure
/// Pipelines uses to link an issue to its source; the text after the command stays conftest's. Issue text is escaped
/// as the logging commands require (<c>%</c>, CR, LF as <c>%AZP25</c>, <c>%0D</c>, <c>%0A</c>, and in properties also
/// <c>;</c> and <c>]</c>), so a multi-line message stays one issue; conftest writes it raw.
/// </remarks>
public sealed class AzureDevOpsReporter : IReporter
{
    public const string FormatName = "azuredevops";

    public void Write(CheckReport report, TextWriter output)
    {
        foreach (var file in report.Files)
        {
            output.Write($"##[section]Testing '{file.FileName}' against {file.Total} policies in namespace '{file.Namespace}'\n");
            output.Write("##[group]See conftest results\n");
            foreach (var failure in file.Failures)
            {
                Issue(output, "error", file.FileName, failure);
            }

            foreach (var warning in file.Warnings)
            {
                Issue(output, "warning", file.FileName, warning);
            }

            foreach (var exception in file.Exceptions)
            {
                Issue(output, "warning", file.FileName, exception);
            }

            foreach (var skipped in file.Skipped)
            {
                output.Write($"skipped file={file.FileName} {skipped.Message}\n");
            }

            if (file.Successes > 0)
            {
                output.Write($"success file={file.FileName} {file.Successes}\n");
            }

            output.Write("##[endgroup]\n");
        }

        output.Write(SummaryLine.For(report) + "\n");
    }

    private static void Issue(TextWriter output, string type, string fileName, CheckResult result)
    {
        var properties = new StringBuilder("type=").Append(type);
        if (result.Location is { Line: > 0 } location)
        {
            properties.Append(";sourcepath=").Append(EscapeProperty(location.File)).Append(";linenumber=").Append(location.Line);
            if (location.Column > 0)
            {
                properties.Append(";columnnumber=").Append(location.Column);
            }
        }

        output.Write($"##vso[task.logissue {properties}] {EscapeData($"file={fileName} --> {result.Message}")}\n");
    }

    private static string EscapeData(string text) =>
        new StringBuilder(text).Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string EscapeProperty(string text) =>
        new StringBuilder(EscapeData(text)).Replace(";", "%3B").Replace("]", "%5D").ToString();
}
