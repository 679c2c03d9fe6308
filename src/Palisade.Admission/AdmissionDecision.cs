namespace Palisade.Admission;

/// <summary>How a request counts in the metrics.</summary>
public enum Verdict
{
    Allowed,
    Denied,

    /// <summary>A rule could not be evaluated (or the request could not be read); the failure policy decided the answer.</summary>
    Error,
}

/// <summary>A rule or constraint that could not be evaluated, and why.</summary>
public sealed record EvaluationFailure(string Rule, string Error);

/// <summary>
/// The answer to one request: every deny message, every warning, the dryrun violations (only logged) and the
/// evaluation failures (always logged).
/// </summary>
public sealed record AdmissionDecision(
    IReadOnlyList<string> Denials,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> DryRunViolations,
    IReadOnlyList<EvaluationFailure> Failures)
{
    public bool Allowed => Denials.Count == 0;

    public Verdict Verdict => Failures.Count > 0 ? Verdict.Error : Allowed ? Verdict.Allowed : Verdict.Denied;

    /// <summary>The status message of a denial: one message a line, as Gatekeeper joins them.</summary>
    public string Message => string.Join('\n', Denials);
}
