namespace Palisade.GitOps.Source;

/// <summary>A repository the sync reads from: fetch a revision, then read the files of that revision.</summary>
public interface ISource
{
    /// <summary>Fetches the configured ref into the mirror and resolves it to a commit.</summary>
    Task<SourceRevision> FetchAsync(CancellationToken cancellation);

    /// <summary>Reads the files of a fetched revision below the configured path.</summary>
    Task<SourceSnapshot> ReadAsync(SourceRevision revision, CancellationToken cancellation);
}
