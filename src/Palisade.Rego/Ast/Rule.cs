namespace Palisade.Rego.Ast;

/// <summary>
/// A rule: head, body (empty when none was written) and an optional <c>else</c> chain. An else rule shares its
/// parent's name and arguments; only its value and body differ.
/// </summary>
public sealed record Rule(RuleHead Head, Body Body, Rule? Else, bool IsDefault, Location Location) : Node(Location)
{
    /// <summary>True when the body was introduced by <c>if</c> (v1 requires it).</summary>
    public bool HasIfKeyword { get; init; }

    /// <summary>The <c># METADATA</c> blocks written before this rule (scope <c>rule</c> or <c>document</c>), in source order.</summary>
    public IReadOnlyList<Annotations> Annotations { get; init; } = [];
}
