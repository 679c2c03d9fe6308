namespace Palisade.Rego.Ast;

/// <summary><c>package a.b</c>; the path is rooted at <c>data</c> (<c>data.a.b</c>), as OPA keeps it.</summary>
public sealed record Package(RefTerm Path, Location Location) : Node(Location);
