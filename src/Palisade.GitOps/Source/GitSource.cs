using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>A git repository read through a bare mirror: only the configured ref is fetched, nothing is checked out.</summary>
internal sealed class GitSource(GitSourceOptions options, string fetchUrl, string prefix, GitMirror mirror, GitCredentials credentials) : ISource
{
    private const string FetchedRef = "refs/palisade/source";

    private readonly string _display = RemoteLocation.Redact(options.Url);

    public async Task<SourceRevision> FetchAsync(CancellationToken cancellation)
    {
        var environment = credentials.Variables();
        var remote = await RemoteRefs.ResolveAsync(mirror, fetchUrl, _display, options.Ref, environment, cancellation).ConfigureAwait(false);
        if (remote.Commit is { } commit)
        {
            await FetchCommitAsync(commit, environment, cancellation).ConfigureAwait(false);
        }
        else
        {
            await FetchOrFailAsync(["--depth", "1", fetchUrl, $"+{remote.FullName}:{FetchedRef}"], environment, cancellation).ConfigureAwait(false);
        }

        var (commitId, tagObject) = await PeelAsync(remote, cancellation).ConfigureAwait(false);
        return new SourceRevision
        {
            Source = _display,
            Id = remote.Commit is null ? $"{remote.Name}@sha1:{commitId}" : $"sha1:{commitId}",
            Ref = remote.Name,
            Commit = commitId,
            TagObject = tagObject,
            CommitInfo = await CommitInfoAsync(commitId, cancellation).ConfigureAwait(false),
            Path = prefix,
            Mirror = mirror.Directory,
        };
    }

    public async Task<SourceSnapshot> ReadAsync(SourceRevision revision, CancellationToken cancellation)
    {
        try
        {
            return await new SnapshotReader(mirror, options, prefix).ReadAsync(revision.Commit, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new SourceException(RefusalReason.Other, $"commit {revision.ShortCommit} of {_display} could not be read: {ex.Message}");
        }
    }

    // Servers may refuse to send a commit by id (uploadpack.allowReachableSHA1InWant), and an abbreviated id cannot
    // be asked for at all; then every branch and tag is fetched with full history and the commit looked up among them.
    private async Task FetchCommitAsync(string commit, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        if (commit.Length == 40 && (await FetchAsync(["--depth", "1", fetchUrl, $"+{commit}:{FetchedRef}"], environment, cancellation).ConfigureAwait(false)).Succeeded)
        {
            return;
        }

        var shallow = await GitAsync(["rev-parse", "--is-shallow-repository"], cancellation).ConfigureAwait(false);
        string[] history = shallow.Text.Trim() == "true" ? ["--unshallow"] : [];
        await FetchOrFailAsync([.. history, fetchUrl, "+refs/heads/*:refs/palisade/heads/*", "+refs/tags/*:refs/palisade/tags/*"], environment, cancellation).ConfigureAwait(false);
        var found = await GitAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", $"{commit}^{{commit}}"], cancellation).ConfigureAwait(false);
        var full = found.Text.Trim();
        if (!found.Succeeded || !full.StartsWith(commit, StringComparison.Ordinal))
        {
            throw new SourceException(RefusalReason.FetchFailed, $"commit {commit} was not found in {_display}");
        }

        var pin = await GitAsync(["update-ref", FetchedRef, full], cancellation).ConfigureAwait(false);
        if (!pin.Succeeded)
        {
            throw new SourceException(RefusalReason.Other, $"mirror {mirror.Directory}: {pin.ErrorLine}");
        }
    }

    private async Task FetchOrFailAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        var result = await FetchAsync(arguments, environment, cancellation).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new SourceException(RefusalReason.FetchFailed, $"{_display} could not be fetched: {result.ErrorLine}");
        }
    }

    // No FETCH_HEAD: it would record the URL, credentials included, in the mirror.
    private async Task<GitResult> FetchAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        try
        {
            return await mirror.RunAsync(["fetch", "--quiet", "--no-tags", "--prune", "--no-write-fetch-head", .. arguments], cancellation, environment).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new SourceException(RefusalReason.FetchFailed, $"{_display} could not be fetched: {ex.Message}");
        }
    }

    /// <summary>The commit the fetched ref names, and the annotated tag object in between when there is one.</summary>
    private async Task<(string Commit, string? TagObject)> PeelAsync(RemoteRef remote, CancellationToken cancellation)
    {
        var result = await GitAsync(["for-each-ref", "--format=%(objectname) %(objecttype) %(*objectname) %(*objecttype)", FetchedRef], cancellation).ConfigureAwait(false);
        var fields = result.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields switch
        {
            [var id, "commit"] => (id, null),
            [var tag, "tag", var id, "commit"] => (id, tag),
            _ => throw new SourceException(RefusalReason.FetchFailed, $"ref {remote.Name} of {_display} does not name a commit"),
        };
    }

    private async Task<CommitInfo> CommitInfoAsync(string commit, CancellationToken cancellation)
    {
        var result = await GitAsync(["show", "--no-patch", "--no-show-signature", "--format=%an%x00%ae%x00%cn%x00%ce%x00%cI%x00%s", commit], cancellation).ConfigureAwait(false);
        var fields = result.Text.TrimEnd('\n').Split('\0');
        if (!result.Succeeded || fields.Length != 6 || !DateTimeOffset.TryParse(fields[4], out var time))
        {
            throw new SourceException(RefusalReason.FetchFailed, $"commit {commit} of {_display} could not be read: {result.ErrorLine}");
        }

        return new CommitInfo(fields[0], fields[1], fields[2], fields[3], time, fields[5]);
    }

    private async Task<GitResult> GitAsync(IReadOnlyList<string> arguments, CancellationToken cancellation)
    {
        try
        {
            return await mirror.RunAsync(arguments, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new SourceException(RefusalReason.Other, $"mirror {mirror.Directory}: {ex.Message}");
        }
    }
}
