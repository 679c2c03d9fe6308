using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's closing tally, <c>N tests, N passed, N warnings, N failures, N exceptions</c>: a count of one is singular,
/// "passed" never changes, and skipped results count as tests without a column of their own.
/// </summary>
internal static class SummaryLine
{
    public static string For(CheckReport report) =>
        $"{Counted(report.Tests, "test")}, {report.Passed} passed, {Counted(report.Warnings, "warning")}, " +
        $"{Counted(report.Failures, "failure")}, {Counted(report.Exceptions, "exception")}";

    private static string Counted(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
