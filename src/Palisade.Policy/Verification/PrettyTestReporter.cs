using Palisade.Rego.Errors;

namespace Palisade.Policy.Verification;

/// <summary>
/// <c>opa test</c>'s text report: tests grouped under their file, failing and erroring tests always (every test with
/// <c>verbose</c>), each failure or error followed by its <c>file:line</c> and reason, then the counts.
/// </summary>
public static class PrettyTestReporter
{
    public static void Write(TextWriter output, IReadOnlyList<RegoTestResult> results, bool verbose)
    {
        var listed = false;
        string? lastFile = null;
        foreach (var result in results)
        {
            if (!verbose && result.Outcome is TestOutcome.Pass or TestOutcome.Skipped)
            {
                continue;
            }

            var file = result.Test.Location.File;
            if (file != lastFile)
            {
                output.WriteLine(file + ":");
                lastFile = file;
            }

            listed = true;
            output.WriteLine(result.Outcome == TestOutcome.Skipped
                ? $"{result.Test.FullName}: SKIPPED"
                : $"{result.Test.FullName}: {Label(result.Outcome)} ({GoDuration.Format(result.Duration)})");
            WriteDetail(output, result);
            if (result.Output.Count > 0)
            {
                output.WriteLine();
                foreach (var line in result.Output)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }
        }

        if (listed)
        {
            output.WriteLine(new string('-', 80));
        }

        var summary = TestSummary.Of(results);
        WriteCount(output, "PASS", summary.Passed, summary.Total);
        WriteCount(output, "FAIL", summary.Failed, summary.Total);
        WriteCount(output, "SKIPPED", summary.Skipped, summary.Total);
        WriteCount(output, "ERROR", summary.Errors, summary.Total);
    }

    private static void WriteDetail(TextWriter output, RegoTestResult result)
    {
        var at = $"{result.Test.Location.File}:{result.Test.Location.Line}";
        if (result.Outcome == TestOutcome.Fail)
        {
            output.WriteLine($"  {at}: {result.Reason}");
        }
        else if (result.Error is { } error)
        {
            output.WriteLine("  " + Describe(error, at));
        }
    }

    /// <summary>An error as <c>file:line: code: message</c>, at the test rule when the error has no place of its own.</summary>
    public static string Describe(RegoException error, string testLocation) =>
        error.Location.Line > 0 && error.Location.File.Length > 0
            ? $"{error.Location.File}:{error.Location.Line}: {error.Code}: {error.Message}"
            : $"{testLocation}: {error.Code}: {error.Message}";

    private static string Label(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Pass => "PASS",
        TestOutcome.Fail => "FAIL",
        TestOutcome.Error => "ERROR",
        _ => "SKIPPED",
    };

    private static void WriteCount(TextWriter output, string label, int count, int total)
    {
        if (count > 0)
        {
            output.WriteLine($"{label}: {count}/{total}");
        }
    }
}
