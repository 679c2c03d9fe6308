namespace Palisade.Policy.Gatekeeper;

/// <summary>One <c>match.kinds</c> entry: empty lists and <c>*</c> match any group or kind.</summary>
public sealed record KindMatch(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Kinds)
{
    public bool Matches(GroupVersionKind gvk) =>
        (Kinds.Count == 0 || Kinds.Contains("*") || Kinds.Contains(gvk.Kind))
        && (ApiGroups.Count == 0 || ApiGroups.Contains("*") || ApiGroups.Contains(gvk.Group));
}
