using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary>
/// <c>global()</c>: only meaningful as a namespaceSelector, where it stands for "non-namespaced resources" (global
/// network sets, host endpoints) rather than for a test on labels. Calico applies that meaning where it resolves the
/// namespaceSelector; the expression itself, like Calico's own evaluator, matches any set of labels. Callers that need
/// the namespace meaning must look for this node, not rely on <see cref="Matches"/>.
/// </summary>
public sealed record GlobalSelector : Selector
{
    public static GlobalSelector Instance { get; } = new();

    public override bool Matches(IReadOnlyDictionary<string, string> labels) => true;

    internal override void WriteTo(StringBuilder text) => text.Append("global()");

    internal override void CollectLabelKeys(List<string> keys)
    {
    }
}
