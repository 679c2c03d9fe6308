using Palisade.Kube.Text;

namespace Palisade.GitOps.Audit;

public enum ChangeKind
{
    Created,
    Configured,
    Pruned,
}

/// <summary>What one sync did to one object, with the unified diff of its YAML before and after.</summary>
public sealed record ObjectChange(ObjectRef Object, ChangeKind Change, string Diff)
{
    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/>; a null side is an object that did not exist.</summary>
    public static ObjectChange Between(ObjectRef reference, string? before, string? after)
    {
        var change = (before, after) switch
        {
            (null, null) => throw new ArgumentException($"{reference}: a change needs the object before or after it"),
            (null, _) => ChangeKind.Created,
            (_, null) => ChangeKind.Pruned,
            _ => ChangeKind.Configured,
        };
        return new ObjectChange(reference, change, AuditDiff.Of(reference, before ?? "", after ?? ""));
    }
}

/// <summary>The unified diffs the audit log keeps, named after the object so that a diff read alone says what it is about.</summary>
public static class AuditDiff
{
    public static string Of(ObjectRef reference, string before, string after) =>
        UnifiedDiff.Format($"a/{reference}", $"b/{reference}", before, after);
}
