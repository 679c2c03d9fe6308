using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary>
/// A parsed Calico selector. Values are immutable and compare by content; every instance is in normal form
/// (no double negation, no nested &amp;&amp; inside &amp;&amp; or || inside ||, sets sorted and de-duplicated), so
/// <see cref="ToString"/> is the canonical text and parsing it gives back an equal selector.
/// </summary>
public abstract record Selector
{
    // The hierarchy is closed: conversions and governance rules switch over the node types below.
    private protected Selector()
    {
    }

    /// <summary>Every label key the selector mentions, each once, in order of first mention.</summary>
    public IEnumerable<string> LabelKeys
    {
        get
        {
            var keys = new List<string>();
            CollectLabelKeys(keys);
            return keys.Distinct(StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>How tightly the node binds when printed: 1 for ||, 2 for &amp;&amp;, 3 for everything else.</summary>
    internal virtual int Precedence => 3;

    /// <summary>Negates a selector; negating a negation gives back its operand, as repeated '!' does in Calico.</summary>
    public static Selector Not(Selector operand) =>
        operand is NotSelector not ? not.Operand : new NotSelector(operand);

    /// <summary>The conjunction of one or more selectors; a single operand is returned as it is.</summary>
    public static Selector And(IEnumerable<Selector> operands)
    {
        var list = operands.ToList();
        return list.Count == 1 ? list[0] : new AndSelector(list);
    }

    /// <summary>The disjunction of one or more selectors; a single operand is returned as it is.</summary>
    public static Selector Or(IEnumerable<Selector> operands)
    {
        var list = operands.ToList();
        return list.Count == 1 ? list[0] : new OrSelector(list);
    }

    /// <summary>Evaluates the selector against one set of labels (keys and values compare ordinally).</summary>
    public abstract bool Matches(IReadOnlyDictionary<string, string> labels);

    /// <summary>The canonical text: single spaces around operators, parentheses only where precedence needs them.</summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        WriteTo(text);
        return text.ToString();
    }

    internal abstract void WriteTo(StringBuilder text);

    internal abstract void CollectLabelKeys(List<string> keys);

    /// <summary>Writes an operand, in parentheses when it binds more loosely than its parent.</summary>
    internal static void WriteOperand(StringBuilder text, Selector operand, int parentPrecedence)
    {
        if (operand.Precedence < parentPrecedence)
        {
            text.Append('(');
            operand.WriteTo(text);
            text.Append(')');
        }
        else
        {
            operand.WriteTo(text);
        }
    }
}
