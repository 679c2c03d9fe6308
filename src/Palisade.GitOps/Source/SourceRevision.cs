namespace Palisade.GitOps.Source;

/// <summary>A ref resolved to a commit in the mirror.</summary>
public sealed record SourceRevision
{
    /// <summary>The source URL with credentials removed, or the local folder.</summary>
    public required string Source { get; init; }

    /// <summary>"&lt;ref&gt;@sha1:&lt;commit&gt;", or "sha1:&lt;commit&gt;" when the ref is a commit, as Flux names artifact revisions.</summary>
    public required string Id { get; init; }

    /// <summary>The branch, tag or commit that was asked for (the remote's HEAD branch when none was).</summary>
    public required string Ref { get; init; }

    /// <summary>Full object id of the commit.</summary>
    public required string Commit { get; init; }

    /// <summary>Object id of the annotated tag when <see cref="Ref"/> is one; its signature is what gets verified.</summary>
    public string? TagObject { get; init; }

    public required CommitInfo CommitInfo { get; init; }

    /// <summary>The folder inside the repository that is read (a local folder's own place in its work tree included).</summary>
    public required string Path { get; init; }

    public string ShortCommit => Commit[..Math.Min(12, Commit.Length)];

    /// <summary>The bare mirror holding the commit, where signatures are checked.</summary>
    internal string Mirror { get; init; } = "";
}
