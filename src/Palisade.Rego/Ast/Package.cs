namespace Palisade.Rego.Ast;

/// <summary><c>package a.b</c>; the path is rooted at <c>data</c> (<c>data.a.b</c>), as OPA keeps it.</summary>
public sealed record Package(RefTerm Path, Location Location) : Node(Location)
{
    /// <summary>The <c># METADATA</c> blocks written before the package (scope <c>package</c> or <c>subpackages</c>).</summary>
    public IReadOnlyList<Annotations> Annotations { get; init; } = [];
}
