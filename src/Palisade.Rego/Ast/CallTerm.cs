namespace Palisade.Rego.Ast;

/// <summary>
/// A call. Operators are calls too, named as OPA names them (<c>x + 1</c> is <c>plus(x, 1)</c>,
/// <c>x in xs</c> is <c>internal.member_2(x, xs)</c>), so later stages need only one form.
/// </summary>
public sealed record CallTerm(RefTerm Operator, IReadOnlyList<Term> Arguments, Location Location) : Term(Location)
{
    // The evaluator asks for the name on every call; it is derived from Operator, so it is remembered, left out of
    // equality, and not carried over by a with-expression that may change Operator.
    private string? _name;

    private CallTerm(CallTerm original)
        : base(original)
    {
        Operator = original.Operator;
        Arguments = original.Arguments;
    }

    /// <summary>The function's dotted name, e.g. <c>count</c> or <c>internal.member_2</c>.</summary>
    public string Name => _name ??= Operator.DottedName() ?? RegoPrinter.Print(Operator);

    public bool Equals(CallTerm? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && base.Equals(other) && Operator.Equals(other.Operator) && EqualityComparer<IReadOnlyList<Term>>.Default.Equals(Arguments, other.Arguments));

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Operator, Arguments);
}
