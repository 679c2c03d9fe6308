using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Desired;

/// <summary>One reason a revision is refused, with the place in the repository it is about when there is one.</summary>
public sealed record Problem(RefusalReason Reason, string Message, string? File = null, int Line = 0, string? Rule = null)
{
    /// <summary><c>policies/x.yaml:3: message</c>, or the message alone.</summary>
    public override string ToString() => File is null ? Message : Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
