namespace Palisade.Rego.Ast;

/// <summary>
/// A rule head. <see cref="Reference"/> is the rule's path (<c>p</c>, <c>a.b[x].c</c>); <see cref="Arguments"/> is set
/// for functions; <see cref="Key"/> is the member of a partial set (<c>contains x</c>); <see cref="Value"/> is the value,
/// which is <c>true</c> with <see cref="ImplicitValue"/> when none was written. <see cref="Assign"/> is true for <c>:=</c>.
/// </summary>
public sealed record RuleHead(
    RefTerm Reference,
    IReadOnlyList<Term>? Arguments,
    Term? Key,
    Term? Value,
    bool Assign,
    Location Location) : Node(Location)
{
    /// <summary>True when no value was written and <c>true</c> was supplied, as OPA does.</summary>
    public bool ImplicitValue { get; init; }

    /// <summary>True when the set member was introduced by <c>contains</c> (v1 requires it).</summary>
    public bool HasContainsKeyword { get; init; }

    public RuleKind Kind => Arguments is not null ? RuleKind.Function : Key is not null && Value is null ? RuleKind.MultiValue : RuleKind.SingleValue;

    /// <summary>The first name of the rule's path: <c>p</c> for <c>p.q[x]</c>.</summary>
    public string Name => Reference.HeadName ?? string.Empty;
}
