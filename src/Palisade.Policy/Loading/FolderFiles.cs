using Palisade.Kube.Kubernetes;

namespace Palisade.Policy.Loading;

/// <summary>
/// The files below a folder, as Go's <c>filepath.Walk</c> (with which OPA and conftest load policies) finds them:
/// a symbolic link to a file is a file, a symbolic link to a folder is not descended, so that a link back up the
/// tree (<c>up -> ..</c>) cannot make a walk endless or read the same policy twice. A mounted ConfigMap's own
/// entries are skipped (<see cref="MountedVolumes"/>), so its keys are read once.
/// </summary>
public static class FolderFiles
{
    /// <summary>Every file below <paramref name="folder"/> (itself followed if it is a link), by ordinal path.</summary>
    public static IReadOnlyList<string> Under(string folder)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos().Where(e => !MountedVolumes.IsInternal(e.Name)))
            {
                var path = Path.Combine(current, entry.Name);
                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is null)
                    {
                        pending.Push(path);
                    }
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Whether the walk descends into <paramref name="path"/>: a folder that is not a symbolic link.</summary>
    public static bool Descends(string path) => Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null;
}
