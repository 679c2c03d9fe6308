using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary>
/// <c>!operand</c>. The operand is never itself a negation: Calico reads "!!x" as "x", so a double negation would
/// print as text that parses to something else. Use <see cref="Selector.Not"/> to negate any selector.
/// </summary>
public sealed record NotSelector : Selector
{
    public NotSelector(Selector operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        if (operand is NotSelector)
        {
            throw new ArgumentException("a negation cannot be negated again; use Selector.Not, which cancels the two", nameof(operand));
        }

        Operand = operand;
    }

    public Selector Operand { get; }

    public override bool Matches(IReadOnlyDictionary<string, string> labels) => !Operand.Matches(labels);

    internal override void WriteTo(StringBuilder text)
    {
        text.Append('!');
        WriteOperand(text, Operand, Precedence);
    }

    internal override void CollectLabelKeys(List<string> keys) => Operand.CollectLabelKeys(keys);
}
