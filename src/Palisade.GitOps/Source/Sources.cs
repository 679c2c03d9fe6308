using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>Opens the source a sync reads from.</summary>
public static class Sources
{
    /// <summary>
    /// Checks the options and prepares the mirror in <paramref name="mirrorDirectory"/>; nothing is fetched yet. A bad
    /// URL, ref or path, or missing credentials, is a <see cref="SourceException"/> here rather than at every fetch.
    /// </summary>
    public static async Task<ISource> OpenAsync(GitSourceOptions options, string mirrorDirectory, CancellationToken cancellation)
    {
        CheckLimits(options);
        var transport = Transports.Of(options.Url);
        RefName.Validate(options.Ref);
        var path = SourcePath.Normalize(options.Path);
        var (fetchUrl, folderPrefix) = transport == Transport.LocalFolder
            ? await LocalFolder.LocateAsync(options.Url, options.Timeout, cancellation).ConfigureAwait(false)
            : (options.Url, "");
        var mirror = await GitMirror.OpenAsync(mirrorDirectory, fetchUrl, options.Timeout, cancellation).ConfigureAwait(false);
        var credentials = GitCredentials.For(options, transport, mirror.Directory);
        return new GitSource(options, fetchUrl, SourcePath.Join(folderPrefix, path), mirror, credentials);
    }

    private static void CheckLimits(GitSourceOptions options)
    {
        if (options.MaxFiles <= 0 || options.MaxFileBytes <= 0 || options.MaxTotalBytes <= 0)
        {
            throw new SourceException(RefusalReason.Other, $"source {options.Url}: file limits must be positive");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new SourceException(RefusalReason.Other, $"source {options.Url}: the timeout must be positive");
        }
    }
}
