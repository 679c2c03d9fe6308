using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>Finds out what a configured ref names on the remote, with git ls-remote.</summary>
internal static class RemoteRefs
{
    public static async Task<RemoteRef> ResolveAsync(GitMirror mirror, string url, string display, string? name, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        if (name is null)
        {
            return await HeadAsync(mirror, url, display, environment, cancellation).ConfigureAwait(false);
        }

        var listed = await ListAsync(mirror, url, display, [name], environment, cancellation).ConfigureAwait(false);
        if (name.StartsWith("refs/", StringComparison.Ordinal))
        {
            return listed.Contains(name) ? RemoteRef.Named(name, name) : throw NotFound(display, name);
        }

        var branch = listed.Contains($"refs/heads/{name}");
        var tag = listed.Contains($"refs/tags/{name}");
        return (branch, tag) switch
        {
            (true, true) => throw new SourceException(RefusalReason.FetchFailed, $"ref {name} of {display} is both a branch and a tag; use refs/heads/{name} or refs/tags/{name}"),
            (true, false) => RemoteRef.Branch(name),
            (false, true) => RemoteRef.Named(name, $"refs/tags/{name}"),
            _ when RefName.LooksLikeCommit(name) => RemoteRef.OfCommit(name),
            _ => throw NotFound(display, name),
        };
    }

    private static async Task<RemoteRef> HeadAsync(GitMirror mirror, string url, string display, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        var result = await RunAsync(mirror, ["ls-remote", "--symref", url, "HEAD"], display, environment, cancellation).ConfigureAwait(false);
        foreach (var line in result.Text.Split('\n'))
        {
            const string symref = "ref: refs/heads/";
            if (line.StartsWith(symref, StringComparison.Ordinal) && line.EndsWith("\tHEAD", StringComparison.Ordinal))
            {
                return RemoteRef.Branch(line[symref.Length..^"\tHEAD".Length]);
            }
        }

        // A detached HEAD (a local folder in the middle of a rebase, say) has no branch: follow HEAD itself.
        return result.Text.Split('\n').Any(l => l.EndsWith("\tHEAD", StringComparison.Ordinal))
            ? RemoteRef.Named("HEAD", "HEAD")
            : throw new SourceException(RefusalReason.FetchFailed, $"{display} has no HEAD branch (is it empty?); set a ref");
    }

    private static async Task<HashSet<string>> ListAsync(GitMirror mirror, string url, string display, IReadOnlyList<string> patterns, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        var result = await RunAsync(mirror, ["ls-remote", url, .. patterns], display, environment, cancellation).ConfigureAwait(false);
        return result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => parts[1])
            .ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<GitResult> RunAsync(GitMirror mirror, IReadOnlyList<string> arguments, string display, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        GitResult result;
        try
        {
            result = await mirror.RunAsync(arguments, cancellation, environment).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new SourceException(RefusalReason.FetchFailed, $"{display} could not be fetched: {ex.Message}");
        }

        return result.Succeeded
            ? result
            : throw new SourceException(RefusalReason.FetchFailed, $"{display} could not be fetched: {result.ErrorLine}");
    }

    private static SourceException NotFound(string display, string name) =>
        new(RefusalReason.FetchFailed, $"ref {name} was not found in {display}: no branch, tag or commit of that name");
}
