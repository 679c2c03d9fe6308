using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary>A test of one label against one string: <c>label op 'value'</c>.</summary>
public abstract record ComparisonSelector : Selector
{
    private protected ComparisonSelector(string label, string value)
    {
        Label = SelectorText.CheckLabel(label, nameof(label));
        Value = SelectorText.CheckValue(value, nameof(value));
    }

    public string Label { get; }

    public string Value { get; }

    /// <summary>The operator as written in canonical text: ==, !=, contains, starts with, ends with.</summary>
    public abstract string Operator { get; }

    public sealed override bool Matches(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Label, out var actual) ? Test(actual) : MatchesAbsent;

    /// <summary>The result when the label is absent: true only for !=.</summary>
    private protected virtual bool MatchesAbsent => false;

    private protected abstract bool Test(string actual);

    internal sealed override void WriteTo(StringBuilder text) =>
        text.Append(Label).Append(' ').Append(Operator).Append(' ').Append(SelectorText.Quote(Value));

    internal sealed override void CollectLabelKeys(List<string> keys) => keys.Add(Label);
}

/// <summary><c>label == 'value'</c>: the label is present with exactly that value.</summary>
public sealed record EqualsSelector : ComparisonSelector
{
    public EqualsSelector(string label, string value)
        : base(label, value)
    {
    }

    public override string Operator => "==";

    private protected override bool Test(string actual) => actual == Value;
}

/// <summary><c>label != 'value'</c>: the label is absent, or present with another value.</summary>
public sealed record NotEqualsSelector : ComparisonSelector
{
    public NotEqualsSelector(string label, string value)
        : base(label, value)
    {
    }

    public override string Operator => "!=";

    private protected override bool MatchesAbsent => true;

    private protected override bool Test(string actual) => actual != Value;
}

/// <summary><c>label contains 'text'</c>: the label is present and its value contains the text.</summary>
public sealed record ContainsSelector : ComparisonSelector
{
    public ContainsSelector(string label, string value)
        : base(label, value)
    {
    }

    public override string Operator => "contains";

    private protected override bool Test(string actual) => actual.Contains(Value, StringComparison.Ordinal);
}

/// <summary><c>label starts with 'text'</c>: the label is present and its value starts with the text.</summary>
public sealed record StartsWithSelector : ComparisonSelector
{
    public StartsWithSelector(string label, string value)
        : base(label, value)
    {
    }

    public override string Operator => "starts with";

    private protected override bool Test(string actual) => actual.StartsWith(Value, StringComparison.Ordinal);
}

/// <summary><c>label ends with 'text'</c>: the label is present and its value ends with the text.</summary>
public sealed record EndsWithSelector : ComparisonSelector
{
    public EndsWithSelector(string label, string value)
        : base(label, value)
    {
    }

    public override string Operator => "ends with";

    private protected override bool Test(string actual) => actual.EndsWith(Value, StringComparison.Ordinal);
}
