using System.Collections.Immutable;
using System.Text;
using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>
/// Reads the files of one commit below a folder straight from the mirror's object store. Limits are checked on the
/// sizes ls-tree reports, before any content is read, so that a huge repository costs a listing and no more.
/// </summary>
internal sealed class SnapshotReader(GitMirror mirror, GitSourceOptions limits, string prefix)
{
    // A link's blob is its target path; PATH_MAX is a generous bound for one.
    private const long MaxLinkTargetBytes = 4096;

    public async Task<SourceSnapshot> ReadAsync(string commit, CancellationToken cancellation)
    {
        await CheckFolderAsync(commit, cancellation).ConfigureAwait(false);
        var entries = await ListAsync(commit, cancellation).ConfigureAwait(false);
        if (entries.Values.FirstOrDefault(e => e.Kind == TreeEntryKind.Submodule) is { } submodule)
        {
            throw new SourceException(RefusalReason.InvalidManifest, $"{submodule.Path}: submodules are not allowed inside the source path (commit {commit[..12]})");
        }

        var links = entries.Values.Where(e => e.Kind == TreeEntryKind.Symlink).ToList();
        if (links.FirstOrDefault(l => l.Size > MaxLinkTargetBytes) is { } longLink)
        {
            throw new SourceException(RefusalReason.PathEscape, $"{longLink.Path}: symbolic link target is longer than {MaxLinkTargetBytes} bytes");
        }

        var linkBlobs = await BlobReader.ReadAsync(mirror, links.Select(l => l.ObjectId).ToHashSet(), links.Sum(l => l.Size), cancellation).ConfigureAwait(false);
        var resolver = new SymlinkResolver(entries, links.ToDictionary(l => l.Path, l => Encoding.UTF8.GetString(linkBlobs[l.ObjectId])), prefix);
        var files = entries.Values.Select(e => (e.Path, Content: e.Kind == TreeEntryKind.Symlink ? resolver.Resolve(e.Path) : e)).ToList();
        CheckSizes(files);

        var contents = files.Select(f => f.Content).DistinctBy(c => c.ObjectId).ToList();
        var blobs = await BlobReader.ReadAsync(mirror, contents.Select(c => c.ObjectId).ToList(), contents.Sum(c => c.Size), cancellation).ConfigureAwait(false);
        var snapshot = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<byte>>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            snapshot[Relative(path)] = ImmutableArray.Create(blobs[content.ObjectId]);
        }

        return new SourceSnapshot(snapshot.ToImmutable());
    }

    private async Task CheckFolderAsync(string commit, CancellationToken cancellation)
    {
        if (prefix.Length == 0)
        {
            return;
        }

        var type = await mirror.RunAsync(["cat-file", "-t", $"{commit}:{prefix}"], cancellation).ConfigureAwait(false);
        if (type.Text.Trim() != "tree")
        {
            throw new SourceException(RefusalReason.InvalidManifest, $"path {prefix} is not a folder in commit {commit[..12]}");
        }
    }

    private async Task<Dictionary<string, TreeEntry>> ListAsync(string commit, CancellationToken cancellation)
    {
        string[] folder = prefix.Length == 0 ? [] : ["--", prefix + "/"];
        // Bounded so that a repository of millions of files is refused instead of listed into memory.
        var maxListing = (limits.MaxFiles + 1L) * 4200;
        var listing = await mirror.RunAsync(["ls-tree", "-r", "-z", "--full-tree", "-l", commit, .. folder], cancellation, maxOutputBytes: maxListing).ConfigureAwait(false);
        if (listing.OutputTruncated)
        {
            throw new SourceException(RefusalReason.Limits, $"{Describe()} has more than {limits.MaxFiles} files");
        }

        if (!listing.Succeeded)
        {
            throw new SourceException(RefusalReason.Other, $"commit {commit[..12]} could not be listed: {listing.ErrorLine}");
        }

        var entries = new Dictionary<string, TreeEntry>(StringComparer.Ordinal);
        foreach (var entry in TreeEntry.Parse(listing.Output))
        {
            if (prefix.Length > 0 && !entry.Path.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                continue;
            }

            // fsck already refuses such trees on fetch; this keeps a mirror filled some other way from escaping too.
            if (entry.Path.Split('/').Any(s => s is "" or "." or ".." || s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
            {
                throw new SourceException(RefusalReason.PathEscape, $"{entry.Path}: not a safe path");
            }

            entries[entry.Path] = entry;
            if (entries.Count > limits.MaxFiles)
            {
                throw new SourceException(RefusalReason.Limits, $"{Describe()} has more than {limits.MaxFiles} files");
            }
        }

        return entries;
    }

    private void CheckSizes(IReadOnlyList<(string Path, TreeEntry Content)> files)
    {
        if (files.FirstOrDefault(f => f.Content.Size > limits.MaxFileBytes) is { Content: not null } big)
        {
            throw new SourceException(RefusalReason.Limits, $"{big.Path}: {big.Content.Size} bytes, more than the limit of {limits.MaxFileBytes}");
        }

        var total = files.Sum(f => f.Content.Size);
        if (total > limits.MaxTotalBytes)
        {
            throw new SourceException(RefusalReason.Limits, $"{Describe()}: files total {total} bytes, more than the limit of {limits.MaxTotalBytes}");
        }
    }

    private string Relative(string path) => prefix.Length == 0 ? path : path[(prefix.Length + 1)..];

    private string Describe() => prefix.Length == 0 ? "the repository" : $"path {prefix}";
}
