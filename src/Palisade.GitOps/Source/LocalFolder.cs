using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>
/// A folder on this machine as a source: the repository it belongs to is fetched from (its commits, never its
/// uncommitted files), and the folder's place in the work tree becomes a prefix of the path.
/// </summary>
internal static class LocalFolder
{
    public static async Task<(string FetchUrl, string Prefix)> LocateAsync(string folder, TimeSpan timeout, CancellationToken cancellation)
    {
        var full = Path.GetFullPath(folder);
        var git = new GitProcess(full, timeout);
        var bare = await git.RunAsync(["rev-parse", "--is-bare-repository"], cancellation).ConfigureAwait(false);
        if (bare.Succeeded && bare.Text.Trim() == "true")
        {
            return (full, "");
        }

        var located = await git.RunAsync(["rev-parse", "--show-toplevel", "--show-prefix"], cancellation).ConfigureAwait(false);
        var lines = located.Text.Split('\n');
        if (!located.Succeeded || lines.Length < 2 || lines[0].Length == 0)
        {
            throw new SourceException(RefusalReason.Other, $"folder {folder} is not inside a git work tree ({located.ErrorLine}); commit it to a repository or give a URL");
        }

        return (lines[0], SourcePath.Normalize(lines[1]));
    }
}
