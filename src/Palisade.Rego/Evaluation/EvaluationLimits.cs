namespace Palisade.Rego.Evaluation;

/// <summary>Bounds on one evaluation: it ends with <c>eval_cancel_error</c> when any is passed, never hangs.</summary>
public sealed record EvaluationLimits
{
    public CancellationToken Cancellation { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Most expressions evaluated in one query.</summary>
    public long MaxSteps { get; init; } = 100_000_000;

    /// <summary>Builtin errors end the query (true) rather than make the expression undefined (false, OPA's default).</summary>
    public bool StrictBuiltinErrors { get; init; }

    public static EvaluationLimits Default { get; } = new();
}
