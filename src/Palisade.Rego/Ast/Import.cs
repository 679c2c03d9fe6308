namespace Palisade.Rego.Ast;

/// <summary><c>import data.x.y as z</c>, <c>import input.a</c>, <c>import future.keywords.in</c>, <c>import rego.v1</c>.</summary>
public sealed record Import(RefTerm Path, string? Alias, Location Location) : Node(Location);
