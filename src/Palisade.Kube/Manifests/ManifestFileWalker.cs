using Palisade.Kube.Kubernetes;

namespace Palisade.Kube.Manifests;

/// <summary>A file to read: the path to show the user, and the real path it resolves to.</summary>
internal sealed record ManifestSource(string DisplayPath, string RealPath);

/// <summary>
/// Expands files and folders into the manifest files to read: recursive, sorted by ordinal path, by extension,
/// skipping <c>.git</c>. Symlinks are followed only while they stay inside the confinement root, so a repository
/// cannot make Palisade read a file outside it, and each real folder is read once, so a link loop ends. A mounted
/// ConfigMap's own entries are skipped (<see cref="MountedVolumes"/>).
/// </summary>
internal sealed class ManifestFileWalker(ManifestReaderOptions options, string? confinementRoot)
{
    private readonly List<ManifestSource> _sources = [];
    private readonly List<Diagnostic> _errors = [];
    private readonly HashSet<string> _walked = new(StringComparer.Ordinal);

    public (IReadOnlyList<ManifestSource> Sources, IReadOnlyList<Diagnostic> Errors) Walk(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var display = ToDisplay(path);
            if (Directory.Exists(path))
            {
                var real = RealPath(path);
                if (real is null || !Confined(real, confinementRoot))
                {
                    Fail(display, $"folder resolves outside {confinementRoot}");
                    continue;
                }

                WalkFolder(display, real, confinementRoot ?? real, depth: 0);
            }
            else if (File.Exists(path))
            {
                var real = RealPath(path);
                var root = confinementRoot ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
                if (real is null || !Confined(real, root))
                {
                    Fail(display, $"symlink points outside {root}");
                    continue;
                }

                Add(display, real);
            }
            else
            {
                Fail(display, "no such file or folder");
            }
        }

        return (_sources, _errors);
    }

    private void WalkFolder(string display, string real, string root, int depth)
    {
        // A folder reached again through a symlink (a link back up the tree, or two links to one folder) is read once.
        if (!_walked.Add(real))
        {
            return;
        }

        if (depth > options.MaxDepth)
        {
            Fail(display, "folders nested too deeply");
            return;
        }

        var entries = new DirectoryInfo(real).EnumerateFileSystemInfos()
            .Where(e => !MountedVolumes.IsInternal(e.Name))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var entryDisplay = display + "/" + entry.Name;
            var entryReal = entry.LinkTarget is null ? entry.FullName : RealPath(entry.FullName);
            if (entryReal is null || !Confined(entryReal, root))
            {
                Fail(entryDisplay, $"symlink points outside {root}");
                continue;
            }

            if (Directory.Exists(entryReal))
            {
                if (entry.Name != ".git")
                {
                    WalkFolder(entryDisplay, entryReal, root, depth + 1);
                }
            }
            else if (options.Extensions.Any(ext => entry.Name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
            {
                Add(entryDisplay, entryReal);
            }
        }
    }

    private void Add(string display, string real)
    {
        if (_sources.Count >= options.MaxFiles)
        {
            Fail(display, $"more than {options.MaxFiles} files to read");
            return;
        }

        _sources.Add(new ManifestSource(display, real));
    }

    private void Fail(string display, string message) => _errors.Add(new Diagnostic(SourceLocation.OfFile(display), message));

    private static string ToDisplay(string path)
    {
        var display = path.Replace('\\', '/');
        return display.Length > 1 ? display.TrimEnd('/') : display;
    }

    /// <summary>The fully resolved path (every symlink followed), or null for a dangling link.</summary>
    private static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists)
                {
                    return null;
                }

                next = RealPath(target.FullName);
                if (next is null)
                {
                    return null;
                }
            }

            current = next;
        }

        return current;
    }

    private static bool Confined(string real, string? root)
    {
        if (root is null)
        {
            return true;
        }

        var realRoot = RealPath(root) ?? Path.GetFullPath(root);
        return real == realRoot || real.StartsWith(realRoot.TrimEnd('/') + "/", StringComparison.Ordinal);
    }
}
