using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary>A test of one label against a set of strings: <c>label in {…}</c> or <c>label not in {…}</c>.</summary>
public abstract record SetSelector : Selector
{
    private protected SetSelector(string label, IEnumerable<string> values)
    {
        Label = SelectorText.CheckLabel(label, nameof(label));
        ArgumentNullException.ThrowIfNull(values);

        // A set has no order and no repeats: sorting here makes {'b', 'a', 'a'} and {'a', 'b'} the same value.
        var sorted = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var value in sorted)
        {
            SelectorText.CheckValue(value, nameof(values));
        }

        Values = new ValueList<string>(sorted);
    }

    public string Label { get; }

    /// <summary>The set's values, de-duplicated and sorted ordinally. May be empty.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The operator as written in canonical text: in, not in.</summary>
    public abstract string Operator { get; }

    internal sealed override void WriteTo(StringBuilder text)
    {
        text.Append(Label).Append(' ').Append(Operator).Append(" {");
        text.AppendJoin(", ", Values.Select(SelectorText.Quote));
        text.Append('}');
    }

    internal sealed override void CollectLabelKeys(List<string> keys) => keys.Add(Label);

    private protected bool HasValueInSet(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Label, out var actual) && Values.Contains(actual, StringComparer.Ordinal);
}

/// <summary><c>label in {'a', 'b'}</c>: the label is present with one of the values (never true for an empty set).</summary>
public sealed record InSelector : SetSelector
{
    public InSelector(string label, IEnumerable<string> values)
        : base(label, values)
    {
    }

    public override string Operator => "in";

    public override bool Matches(IReadOnlyDictionary<string, string> labels) => HasValueInSet(labels);
}

/// <summary><c>label not in {'a', 'b'}</c>: the label is absent, or present with a value outside the set.</summary>
public sealed record NotInSelector : SetSelector
{
    public NotInSelector(string label, IEnumerable<string> values)
        : base(label, values)
    {
    }

    public override string Operator => "not in";

    public override bool Matches(IReadOnlyDictionary<string, string> labels) => !HasValueInSet(labels);
}
