using System.Security.Cryptography;
using System.Text;

namespace Palisade.Kube.Output;

/// <summary>
/// An output folder owned by a generator. Files the generator wrote carry a marker on their first line; only those are
/// ever replaced or removed, so a file a person put there is never lost. Writes go through a temporary file and a
/// rename, so no file is ever left half-written, and nothing at all is written when any planned file is unsafe.
/// </summary>
public sealed class GeneratedFolder(string root, string marker)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>What must change for the folder to hold exactly the planned files (plus whatever the generator did not write).</summary>
    public IReadOnlyList<FileChange> Compare(IReadOnlyList<PlannedFile> planned)
    {
        var changes = new List<FileChange>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in planned)
        {
            wanted.Add(file.RelativePath);
            var path = Resolve(file.RelativePath);
            if (!File.Exists(path))
            {
                changes.Add(new FileChange(file.RelativePath, FileChangeKind.Create, null, file.Content));
                continue;
            }

            var existing = File.ReadAllText(path);
            if (existing != file.Content)
            {
                changes.Add(new FileChange(file.RelativePath, FileChangeKind.Update, existing, file.Content));
            }
        }

        foreach (var (relative, content) in GeneratedFiles())
        {
            if (!wanted.Contains(relative))
            {
                changes.Add(new FileChange(relative, FileChangeKind.Delete, content, null));
            }
        }

        return changes.OrderBy(c => c.RelativePath, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Carries out the changes. Every target is checked before anything is written.</summary>
    public void Apply(IReadOnlyList<FileChange> changes)
    {
        var targets = changes.Select(c => (Change: c, Path: Resolve(c.RelativePath))).ToArray();
        foreach (var (change, path) in targets)
        {
            if (change.Kind != FileChangeKind.Delete)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                WriteAtomically(path, change.NewContent!);
            }
        }

        foreach (var (change, path) in targets.Where(t => t.Change.Kind == FileChangeKind.Delete))
        {
            File.Delete(path);
            RemoveEmptyParents(Path.GetDirectoryName(path)!);
        }
    }

    /// <summary>The full path of a relative one, refusing anything that would land outside the folder, symlinks included.</summary>
    private string Resolve(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!IsInside(full, Root))
        {
            throw new IOException($"{relative}: resolves outside the output folder {Root}");
        }

        for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > Root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(dir) && new DirectoryInfo(dir).LinkTarget is not null)
            {
                throw new IOException($"{Path.GetRelativePath(Root, dir)}: is a symlink; refusing to write through it");
            }
        }

        return full;
    }

    private IEnumerable<(string Relative, string Content)> GeneratedFiles()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var path in Directory.EnumerateFiles(Root, "*.yaml", options).Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllText(path);
            if (content.StartsWith(marker, StringComparison.Ordinal))
            {
                yield return (Path.GetRelativePath(Root, path).Replace('\\', '/'), content);
            }
        }
    }

    private static void WriteAtomically(string path, string content)
    {
        var temporary = $"{path}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}.tmp";
        try
        {
            File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void RemoveEmptyParents(string dir)
    {
        while (dir.Length > Root.Length && IsInside(dir, Root) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
            dir = Path.GetDirectoryName(dir)!;
        }
    }

    private static bool IsInside(string path, string root) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
