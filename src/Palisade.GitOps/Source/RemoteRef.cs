namespace Palisade.GitOps.Source;

/// <summary>
/// What a configured ref names on the remote: a branch or tag (<see cref="FullName"/> like refs/heads/main), or a
/// commit that is fetched by its id. <see cref="Name"/> is how revisions are labelled.
/// </summary>
internal sealed record RemoteRef(string Name, string? FullName, string? Commit)
{
    public static RemoteRef Branch(string name) => new(name, $"refs/heads/{name}", null);

    public static RemoteRef Named(string name, string fullName) => new(name, fullName, null);

    public static RemoteRef OfCommit(string commit) => new(commit, null, commit);
}
