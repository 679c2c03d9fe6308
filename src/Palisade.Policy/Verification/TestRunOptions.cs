using System.Text.RegularExpressions;
using Palisade.Rego.Ast;

namespace Palisade.Policy.Verification;

/// <summary>
/// How to run a policy set's tests. <see cref="Filter"/> selects tests by <see cref="RegoTest.FullName"/>;
/// <see cref="Timeout"/> bounds each test, <see cref="MaxSteps"/> the expressions one test may evaluate.
/// </summary>
public sealed record TestRunOptions
{
    public RegoVersion RegoVersion { get; init; } = RegoVersion.V1;

    /// <summary>OPA's compiler strict mode (unused imports and variables, deprecated builtins are errors).</summary>
    public bool Strict { get; init; }

    public Regex? Filter { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public long MaxSteps { get; init; } = 100_000_000;

    /// <summary>
    /// Builtin errors make a test an error instead of making the expression undefined. <c>opa test</c> runs with
    /// this off unless <c>--strict-builtin-errors</c> is given; so do we.
    /// </summary>
    public bool StrictBuiltinErrors { get; init; }

    /// <summary>A <c>--run</c> pattern as OPA reads it: RE2, matched anywhere in the name, never backtracking.</summary>
    public static Regex CompileFilter(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
