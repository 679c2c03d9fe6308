using Palisade.Kube.Manifests;
using Palisade.Policy.Checks;
using Palisade.Policy.Reporting;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Reporting;

/// <summary>Builds small check reports and renders them, for the reporters' golden-output tests.</summary>
internal static class Sample
{
    public static CheckResult Result(string message, SourceLocation? location = null, ObjectValue? metadata = null) =>
        new(message, location, metadata ?? ObjectValue.Empty, "data.main.deny", []);

    public static SourceLocation At(string file, int line, int column = 1) => new(file, line, column);

    public static FileCheckResults File(
        string name,
        string ns,
        int successes = 0,
        CheckResult[]? failures = null,
        CheckResult[]? warnings = null,
        CheckResult[]? exceptions = null,
        CheckResult[]? skipped = null) =>
        new(name, ns, successes, failures ?? [], warnings ?? [], exceptions ?? [], skipped ?? []);

    public static CheckReport Report(params FileCheckResults[] files) => new(files);

    public static string Render(IReporter reporter, CheckReport report)
    {
        using var output = new StringWriter();
        reporter.Write(report, output);
        return output.ToString();
    }

    /// <summary>Lines joined by LF, each ending with one, as the reporters write them whatever the platform.</summary>
    public static string Lines(params string[] lines) => string.Concat(lines.Select(line => line + "\n"));
}
