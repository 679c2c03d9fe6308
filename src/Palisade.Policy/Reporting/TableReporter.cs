using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's <c>table</c> format: one row per test with columns result, file, namespace and message; per input the
/// successes (message <c>SUCCESS</c>), then exceptions, warnings, skipped and failures. Nothing at all when there are
/// no rows.
/// </summary>
/// <remarks>
/// Source locations are not added: the columns are conftest's, and a fifth column would change every line of the
/// output people read and diff against conftest's.
/// </remarks>
public sealed class TableReporter : IReporter
{
    public const string FormatName = "table";

    private static readonly string[] Headers = ["result", "file", "namespace", "message"];

    public void Write(CheckReport report, TextWriter output)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var file in report.Files)
        {
            rows.AddRange(Enumerable.Repeat<IReadOnlyList<string>>(["success", file.FileName, file.Namespace, "SUCCESS"], file.Successes));
            Add("exception", file.Exceptions);
            Add("warning", file.Warnings);
            Add("skipped", file.Skipped);
            Add("failure", file.Failures);

            void Add(string kind, IReadOnlyList<CheckResult> results) =>
                rows.AddRange(results.Select(result => (IReadOnlyList<string>)[kind, file.FileName, file.Namespace, result.Message]));
        }

        if (rows.Count > 0)
        {
            output.Write(BoxTable.Render(Headers, rows));
        }
    }
}
