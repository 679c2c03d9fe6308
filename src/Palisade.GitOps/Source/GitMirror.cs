using System.Security.Cryptography;
using System.Text;
using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>
/// The bare repository a source fetches into. It remembers which URL it mirrors (as a hash, so that no credential is
/// written to disk) and starts over when the URL changes; a folder that holds anything else is left alone.
/// </summary>
internal sealed class GitMirror
{
    private const string SourceKey = "palisade.source";

    private GitMirror(string directory, TimeSpan timeout)
    {
        Directory = directory;
        Timeout = timeout;
    }

    public string Directory { get; }

    public TimeSpan Timeout { get; }

    /// <summary>A mirror a source has already fetched into, for reading what it holds.</summary>
    public static GitMirror Existing(string directory, TimeSpan timeout) => new(directory, timeout);

    public static async Task<GitMirror> OpenAsync(string directory, string url, TimeSpan timeout, CancellationToken cancellation)
    {
        var mirror = new GitMirror(Path.GetFullPath(directory), timeout);
        var identity = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));
        if (System.IO.Directory.Exists(mirror.Directory) && System.IO.Directory.EnumerateFileSystemEntries(mirror.Directory).Any())
        {
            var marker = await mirror.RunAsync(["config", "--get", SourceKey], cancellation).ConfigureAwait(false);
            if (marker.ExitCode != 0)
            {
                throw new SourceException(RefusalReason.Other, $"mirror folder {mirror.Directory} holds something else than a Palisade mirror; remove it or use another state folder");
            }

            if (marker.Text.Trim() == identity)
            {
                return mirror;
            }

            System.IO.Directory.Delete(mirror.Directory, recursive: true);
        }

        await mirror.CreateAsync(identity, cancellation).ConfigureAwait(false);
        return mirror;
    }

    /// <summary>Runs git on the mirror; --git-dir keeps git from looking for a repository in the folders above.</summary>
    public Task<GitResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellation, IReadOnlyDictionary<string, string>? environment = null, byte[]? input = null, long maxOutputBytes = long.MaxValue) =>
        new GitProcess(null, Timeout, environment).RunAsync([$"--git-dir={Directory}", .. arguments], cancellation, input, maxOutputBytes);

    // Built beside its place and moved in when complete, so that an interrupted start never leaves an unmarked mirror.
    private async Task CreateAsync(string identity, CancellationToken cancellation)
    {
        var building = new GitMirror($"{Directory}.new-{Guid.NewGuid():N}", Timeout);
        try
        {
            var init = await new GitProcess(null, Timeout).RunAsync(["init", "--bare", "--quiet", building.Directory], cancellation).ConfigureAwait(false);
            if (!init.Succeeded)
            {
                throw new SourceException(RefusalReason.Other, $"mirror folder {Directory} could not be created: {init.ErrorLine}");
            }

            // fsck refuses trees with ".." or ".git" entries before they reach the reader; no background gc while reading.
            (string Key, string Value)[] settings = [("fetch.fsckObjects", "true"), ("gc.auto", "0"), ("core.logAllRefUpdates", "false"), (SourceKey, identity)];
            foreach (var (key, value) in settings)
            {
                var set = await building.RunAsync(["config", key, value], cancellation).ConfigureAwait(false);
                if (!set.Succeeded)
                {
                    throw new SourceException(RefusalReason.Other, $"mirror folder {Directory} could not be configured: {set.ErrorLine}");
                }
            }

            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory);
            }

            System.IO.Directory.Move(building.Directory, Directory);
        }
        finally
        {
            if (System.IO.Directory.Exists(building.Directory))
            {
                System.IO.Directory.Delete(building.Directory, recursive: true);
            }
        }
    }
}
