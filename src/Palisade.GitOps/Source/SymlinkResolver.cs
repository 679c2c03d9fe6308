using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>
/// Follows symbolic links inside one commit's tree, never on disk. A link may only lead to a file below the source
/// path; one that leaves it, is absolute, dangles, names a folder or loops is refused, because following it on a
/// checkout could read files of the host.
/// </summary>
internal sealed class SymlinkResolver(IReadOnlyDictionary<string, TreeEntry> entries, IReadOnlyDictionary<string, string> targets, string prefix)
{
    private const int MaxLinks = 8;

    public TreeEntry Resolve(string link)
    {
        var current = link;
        for (var hop = 0; hop < MaxLinks; hop++)
        {
            var target = targets[current];
            var resolved = Combine(link, Folder(current), target);
            if (prefix.Length > 0 && resolved != prefix && !resolved.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                throw Refused(link, target, $"leaves {prefix}");
            }

            if (entries.TryGetValue(resolved, out var entry))
            {
                if (entry.Kind == TreeEntryKind.File)
                {
                    return entry;
                }

                if (entry.Kind == TreeEntryKind.Symlink)
                {
                    current = resolved;
                    continue;
                }
            }

            var isFolder = resolved.Length == 0 || entries.Keys.Any(p => p.StartsWith(resolved + "/", StringComparison.Ordinal));
            throw Refused(link, target, isFolder ? "leads to a folder, which is not followed" : "leads to nothing in the commit");
        }

        throw Refused(link, targets[link], $"is a loop or a chain of more than {MaxLinks} links");
    }

    private static string Combine(string link, string folder, string target)
    {
        if (target.StartsWith('/'))
        {
            throw Refused(link, target, "leaves the repository");
        }

        var segments = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in target.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count == 0)
                    {
                        throw Refused(link, target, "leaves the repository");
                    }

                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        return string.Join('/', segments);
    }

    private static string Folder(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    private static SourceException Refused(string link, string target, string why) =>
        new(RefusalReason.PathEscape, $"{link}: symbolic link to {target} {why}");
}
