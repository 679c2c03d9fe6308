using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary>
/// An n-ary &amp;&amp; or ||. Operands of the same kind are merged in (a &amp;&amp; (b &amp;&amp; c) is a &amp;&amp; b &amp;&amp; c), because
/// both operators are associative and the canonical text drops the parentheses that would tell them apart.
/// </summary>
public abstract record LogicalSelector : Selector
{
    private protected LogicalSelector(IEnumerable<Selector> operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        var flat = new List<Selector>();
        foreach (var operand in operands)
        {
            ArgumentNullException.ThrowIfNull(operand, nameof(operands));
            if (operand.GetType() == GetType())
            {
                flat.AddRange(((LogicalSelector)operand).Operands);
            }
            else
            {
                flat.Add(operand);
            }
        }

        if (flat.Count < 2)
        {
            throw new ArgumentException($"'{Operator}' needs at least two operands; use Selector.And or Selector.Or for one", nameof(operands));
        }

        Operands = new ValueList<Selector>(flat);
    }

    public IReadOnlyList<Selector> Operands { get; }

    /// <summary>The operator as written in canonical text: &amp;&amp; or ||.</summary>
    public abstract string Operator { get; }

    internal sealed override void WriteTo(StringBuilder text)
    {
        for (var i = 0; i < Operands.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ').Append(Operator).Append(' ');
            }

            WriteOperand(text, Operands[i], Precedence);
        }
    }

    internal sealed override void CollectLabelKeys(List<string> keys)
    {
        foreach (var operand in Operands)
        {
            operand.CollectLabelKeys(keys);
        }
    }
}

/// <summary><c>a &amp;&amp; b &amp;&amp; …</c>: every operand matches.</summary>
public sealed record AndSelector : LogicalSelector
{
    public AndSelector(IEnumerable<Selector> operands)
        : base(operands)
    {
    }

    public override string Operator => "&&";

    internal override int Precedence => 2;

    public override bool Matches(IReadOnlyDictionary<string, string> labels) => Operands.All(o => o.Matches(labels));
}

/// <summary><c>a || b || …</c>: at least one operand matches.</summary>
public sealed record OrSelector : LogicalSelector
{
    public OrSelector(IEnumerable<Selector> operands)
        : base(operands)
    {
    }

    public override string Operator => "||";

    internal override int Precedence => 1;

    public override bool Matches(IReadOnlyDictionary<string, string> labels) => Operands.Any(o => o.Matches(labels));
}
