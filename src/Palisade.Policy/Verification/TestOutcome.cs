namespace Palisade.Policy.Verification;

/// <summary>How a test ended, with <c>opa test</c>'s meaning of each.</summary>
public enum TestOutcome
{
    /// <summary>The rule was defined and true.</summary>
    Pass,

    /// <summary>The rule was undefined or had a value other than true.</summary>
    Fail,

    /// <summary>Evaluating the rule raised an error (builtin error in strict mode, conflict, timeout).</summary>
    Error,

    /// <summary>A <c>todo_</c> rule: not run.</summary>
    Skipped,
}
