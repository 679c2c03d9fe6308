namespace Palisade.Policy.Verification;

/// <summary>The counts <c>opa test</c> prints under its results.</summary>
public sealed record TestSummary(int Passed, int Failed, int Errors, int Skipped)
{
    public int Total => Passed + Failed + Errors + Skipped;

    /// <summary>True when nothing failed or errored; skipped tests do not fail a run.</summary>
    public bool Succeeded => Failed == 0 && Errors == 0;

    public static TestSummary Of(IReadOnlyCollection<RegoTestResult> results) => new(
        results.Count(r => r.Outcome == TestOutcome.Pass),
        results.Count(r => r.Outcome == TestOutcome.Fail),
        results.Count(r => r.Outcome == TestOutcome.Error),
        results.Count(r => r.Outcome == TestOutcome.Skipped));
}
