namespace Palisade.Rego.Ast;

/// <summary>
/// A call. Operators are calls too, named as OPA names them (<c>x + 1</c> is <c>plus(x, 1)</c>,
/// <c>x in xs</c> is <c>internal.member_2(x, xs)</c>), so later stages need only one form.
/// </summary>
public sealed record CallTerm(RefTerm Operator, IReadOnlyList<Term> Arguments, Location Location) : Term(Location)
{
    /// <summary>The function's dotted name, e.g. <c>count</c> or <c>internal.member_2</c>.</summary>
    public string Name => Operator.DottedName() ?? RegoPrinter.Print(Operator);
}
