using System.Globalization;

namespace Palisade.Policy.Gatekeeper.Suites;

/// <summary>
/// Prints suite results as <c>gator verify</c> does (failed cases and tests, an <c>ok</c> or <c>FAIL</c> line per suite;
/// with verbose also the runs and passes), then <c>N passed, M failed</c>.
/// </summary>
public static class SuiteTextReporter
{
    public static void Write(TextWriter output, IReadOnlyList<SuiteResult> results, bool verbose)
    {
        foreach (var suite in results)
        {
            foreach (var test in suite.Tests)
            {
                WriteTest(output, test, verbose);
            }

            output.WriteLine($"{(suite.Failed ? "FAIL" : "ok")}\t{suite.Path}\t{Seconds(suite.Runtime)}");
            if (suite.Error is not null)
            {
                output.WriteLine($"  {suite.Error}");
            }
        }

        output.WriteLine(results.Any(r => r.Failed) ? "FAIL" : "PASS");
        output.WriteLine($"{results.Sum(r => r.PassedCases)} passed, {results.Sum(r => r.FailedCases)} failed");
    }

    private static void WriteTest(TextWriter output, TestResult test, bool verbose)
    {
        if (verbose)
        {
            output.WriteLine($"=== {(test.Skipped ? "SKIP" : "RUN ")}  {test.Name}");
            if (test.Skipped)
            {
                return;
            }
        }

        foreach (var result in test.Cases)
        {
            if (verbose)
            {
                output.WriteLine($"    === {(result.Skipped ? "SKIP" : "RUN ")}  {result.Name}");
                if (result.Skipped)
                {
                    continue;
                }
            }

            if (result.Error is not null)
            {
                output.WriteLine($"    --- FAIL: {result.Name}\t({Seconds(result.Runtime)})");
                output.WriteLine($"        {result.Error}");
            }
            else if (verbose)
            {
                output.WriteLine($"    --- PASS: {result.Name}\t({Seconds(result.Runtime)})");
            }
        }

        if (test.Failed)
        {
            output.WriteLine($"--- FAIL: {test.Name}\t({Seconds(test.Runtime)})");
            if (test.Error is not null)
            {
                output.WriteLine($"  {test.Error}");
            }
        }
        else if (verbose)
        {
            output.WriteLine($"--- PASS: {test.Name}\t({Seconds(test.Runtime)})");
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";
}
