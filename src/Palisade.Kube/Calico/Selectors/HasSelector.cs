using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary><c>has(label)</c>: the label is present, whatever its value (including the empty string).</summary>
public sealed record HasSelector : Selector
{
    public HasSelector(string label) => Label = SelectorText.CheckLabel(label, nameof(label));

    public string Label { get; }

    public override bool Matches(IReadOnlyDictionary<string, string> labels) => labels.ContainsKey(Label);

    internal override void WriteTo(StringBuilder text) => text.Append("has(").Append(Label).Append(')');

    internal override void CollectLabelKeys(List<string> keys) => keys.Add(Label);
}
