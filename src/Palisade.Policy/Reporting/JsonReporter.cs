using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's JSON output: an array of <c>{filename, namespace, successes, skipped?, warnings?, failures?,
/// exceptions?}</c>, each result <c>{msg, loc?, metadata?, outputs?}</c>, tab-indented. Palisade gives <c>loc</c>
/// (<c>{file, line}</c>) wherever the line is known, not only when a rule returned <c>_loc</c>.
/// </summary>
public sealed class JsonReporter : IReporter
{
    public void Write(CheckReport report, TextWriter output) =>
        output.WriteLine(GoJson.Indented(report.Files.Select(File).ToList()));

    private static GoJson.Members File(FileCheckResults file)
    {
        var members = new List<(string, object)>
        {
            ("filename", file.FileName == "-" ? string.Empty : file.FileName),
            ("namespace", file.Namespace),
            ("successes", file.Successes),
        };
        AddResults(members, "skipped", file.Skipped);
        AddResults(members, "warnings", file.Warnings);
        AddResults(members, "failures", file.Failures);
        AddResults(members, "exceptions", file.Exceptions);
        return new GoJson.Members(members);
    }

    private static void AddResults(List<(string, object)> members, string name, IReadOnlyList<CheckResult> results)
    {
        if (results.Count > 0)
        {
            members.Add((name, results.Select(Result).ToList()));
        }
    }

    private static GoJson.Members Result(CheckResult result)
    {
        var members = new List<(string, object)> { ("msg", result.Message) };
        if (result.Location is { Line: > 0 } at)
        {
            members.Add(("loc", GoJson.Object(("file", at.File), ("line", at.Line))));
        }

        if (result.Metadata.Count > 0)
        {
            members.Add(("metadata", GoJson.Object(result.Metadata)));
        }

        if (result.Outputs.Count > 0)
        {
            members.Add(("outputs", result.Outputs.ToList()));
        }

        return new GoJson.Members(members);
    }
}
