namespace Palisade.GitOps.Source;

/// <summary>Who made a commit and when (the committer's time), as recorded in the commit.</summary>
public sealed record CommitInfo(string Author, string AuthorEmail, string Committer, string CommitterEmail, DateTimeOffset Time, string Subject);
