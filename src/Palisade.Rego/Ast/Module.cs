namespace Palisade.Rego.Ast;

public sealed record Module(Package Package, IReadOnlyList<Import> Imports, IReadOnlyList<Rule> Rules, RegoVersion RegoVersion, Location Location)
    : Node(Location)
{
    /// <summary>The module's comments in source order (annotations live in <c># METADATA</c> comment blocks).</summary>
    public IReadOnlyList<Comment> Comments { get; init; } = [];

    /// <summary>Every <c># METADATA</c> block of the module, in source order.</summary>
    public IReadOnlyList<Annotations> Annotations { get; init; } = [];
}
