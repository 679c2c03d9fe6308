using System.Text.RegularExpressions;
using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

internal enum Transport
{
    Https,
    Http,
    Ssh,
    File,
    LocalFolder,
}

internal static partial class Transports
{
    /// <summary>How <paramref name="url"/> is reached; anything else (ext::, options disguised as URLs, typos) is refused.</summary>
    public static Transport Of(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new SourceException(RefusalReason.Other, "the source URL is empty");
        }

        if (url.StartsWith('-') || url.Any(char.IsControl))
        {
            throw new SourceException(RefusalReason.Other, $"source URL {url}: not a URL or a folder");
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && url.Contains("://", StringComparison.Ordinal))
        {
            return uri.Scheme switch
            {
                "https" => Transport.Https,
                "http" => Transport.Http,
                "ssh" => Transport.Ssh,
                "file" => Transport.File,
                _ => throw new SourceException(RefusalReason.Other, $"source URL {url}: scheme {uri.Scheme} is not supported (use https, http, ssh or file)"),
            };
        }

        if (Directory.Exists(url))
        {
            return Transport.LocalFolder;
        }

        if (ScpLike().IsMatch(url))
        {
            return Transport.Ssh;
        }

        throw new SourceException(RefusalReason.Other, $"source URL {url}: not a URL (https://, http://, ssh://, git@host:path, file://) or an existing folder");
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^/\\][^\s]*$")]
    private static partial Regex ScpLike();
}
