namespace Palisade.Rego.Ast;

/// <summary>A conjunction of expressions. A rule written without a body has an empty one (it always holds).</summary>
public sealed record Body(IReadOnlyList<Expr> Expressions, Location Location) : Node(Location)
{
    public int Count => Expressions.Count;

    public bool IsEmpty => Expressions.Count == 0;

    public Expr this[int index] => Expressions[index];
}
