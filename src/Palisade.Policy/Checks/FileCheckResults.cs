namespace Palisade.Policy.Checks;

/// <summary>The results of checking one input (a file, <c>-</c> for stdin, or <c>Combined</c>) against one namespace.</summary>
/// <param name="FileName">The input as the user named it.</param>
/// <param name="Namespace">The Rego package checked, without <c>data.</c> (e.g. <c>main</c>).</param>
/// <param name="Successes">Rule definitions that produced nothing for this input, counted as conftest counts them.</param>
public sealed record FileCheckResults(
    string FileName,
    string Namespace,
    int Successes,
    IReadOnlyList<CheckResult> Failures,
    IReadOnlyList<CheckResult> Warnings,
    IReadOnlyList<CheckResult> Exceptions,
    IReadOnlyList<CheckResult> Skipped)
{
    /// <summary>What <c>print</c> wrote while this input was checked (<c>file:line: text</c>), shown as conftest's PRNT lines.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    public int Total => Successes + Failures.Count + Warnings.Count + Exceptions.Count + Skipped.Count;
}
