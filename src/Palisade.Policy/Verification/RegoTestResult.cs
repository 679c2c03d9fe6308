using Palisade.Rego.Errors;

namespace Palisade.Policy.Verification;

/// <summary>
/// One test's result. <see cref="Reason"/> says why a failing test failed (undefined, or the value it had);
/// <see cref="Error"/> is set for <see cref="TestOutcome.Error"/>; <see cref="Output"/> holds the lines the test printed.
/// </summary>
public sealed record RegoTestResult(RegoTest Test, TestOutcome Outcome, TimeSpan Duration, string? Reason, RegoException? Error, IReadOnlyList<string> Output);
