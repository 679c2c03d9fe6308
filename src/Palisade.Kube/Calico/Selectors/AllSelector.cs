using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary><c>all()</c>, and also what an empty selector means: matches every set of labels.</summary>
public sealed record AllSelector : Selector
{
    public static AllSelector Instance { get; } = new();

    public override bool Matches(IReadOnlyDictionary<string, string> labels) => true;

    internal override void WriteTo(StringBuilder text) => text.Append("all()");

    internal override void CollectLabelKeys(List<string> keys)
    {
    }
}
