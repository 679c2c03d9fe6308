namespace Palisade.Admission;

/// <summary>What conftest rules see as <c>input</c>.</summary>
public enum InputMode
{
    /// <summary>The object under review (for a DELETE, the object being deleted): what <c>palisade test</c> gives a rule for a file.</summary>
    Object,

    /// <summary>The whole AdmissionReview.</summary>
    Review,
}

/// <summary>What an evaluation error or timeout decides.</summary>
public enum FailurePolicy
{
    /// <summary>Deny the request, naming the rule that failed.</summary>
    Fail,

    /// <summary>Allow the request, with a warning naming the rule that failed.</summary>
    Ignore,
}

/// <summary>How each request is evaluated.</summary>
public sealed record EvaluationSettings
{
    /// <summary>
    /// Below the API server's default webhook timeout (10 s) so that the webhook, not the API server, decides what a
    /// slow rule means.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    public InputMode Input { get; init; } = InputMode.Object;

    public FailurePolicy FailurePolicy { get; init; } = FailurePolicy.Fail;

    /// <summary>How long all the rules of one request may take together.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>A builtin error fails the rule (and the failure policy decides) instead of leaving its expression undefined.</summary>
    public bool StrictBuiltinErrors { get; init; }
}
