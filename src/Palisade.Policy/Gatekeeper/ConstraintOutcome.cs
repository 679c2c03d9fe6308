namespace Palisade.Policy.Gatekeeper;

/// <summary>A constraint that matched the reviewed object, and what it found: no violations means the object passes it.</summary>
public sealed record ConstraintOutcome(Constraint Constraint, IReadOnlyList<Violation> Violations);
