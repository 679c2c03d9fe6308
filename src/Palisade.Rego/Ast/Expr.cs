namespace Palisade.Rego.Ast;

/// <summary>
/// One expression of a body. <see cref="Content"/> is a <see cref="Term"/> (a <see cref="CallTerm"/> for calls and
/// operators, including <c>=</c> and <c>:=</c>), a <see cref="SomeDecl"/> or an <see cref="Every"/>.
/// </summary>
public sealed record Expr(Node Content, bool Negated, IReadOnlyList<WithModifier> With, Location Location) : Node(Location)
{
    public CallTerm? Call => Content as CallTerm;

    public bool IsCall(string name) => Content is CallTerm call && call.Name == name;

    public bool IsAssignment => IsCall(Operators.Assign);

    public bool IsUnification => IsCall(Operators.Unify);
}
