using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>One <c>violation[{"msg": …, "details": …}]</c> result, with the constraint that raised it.</summary>
public sealed record Violation(string Message, Value Details, string ConstraintKind, string ConstraintName, string EnforcementAction);
