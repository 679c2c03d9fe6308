namespace Palisade.Rego.Ast;

/// <summary><c>with target as value</c>: replaces part of input, data or a function while the expression runs.</summary>
public sealed record WithModifier(Term Target, Term Value, Location Location) : Node(Location);
