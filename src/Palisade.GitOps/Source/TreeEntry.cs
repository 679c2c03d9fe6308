using System.Text;
using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

internal enum TreeEntryKind
{
    File,
    Symlink,
    Submodule,
}

/// <summary>One line of git ls-tree -l: a file, symbolic link or submodule at a repository path.</summary>
internal sealed record TreeEntry(TreeEntryKind Kind, string ObjectId, long Size, string Path)
{
    // Lenient decoding would turn different invalid names into the same string, one file hiding another.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses the NUL-separated output of ls-tree -r -z -l; trees never appear because of -r.</summary>
    public static IEnumerable<TreeEntry> Parse(byte[] output)
    {
        foreach (var record in Records(output))
        {
            // "<mode> <type> <object> <size>\t<path>", the size padded with spaces and "-" for submodules.
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            var fields = tab < 0 ? [] : record[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4)
            {
                throw new SourceException(RefusalReason.Other, $"unexpected git ls-tree output: {record}");
            }

            var path = record[(tab + 1)..];
            var kind = fields[0] switch
            {
                "100644" or "100755" => TreeEntryKind.File,
                "120000" => TreeEntryKind.Symlink,
                "160000" => TreeEntryKind.Submodule,
                _ => throw new SourceException(RefusalReason.InvalidManifest, $"{path}: unsupported tree entry mode {fields[0]}"),
            };
            yield return new TreeEntry(kind, fields[2], long.TryParse(fields[3], out var size) ? size : 0, path);
        }
    }

    private static IEnumerable<string> Records(byte[] output)
    {
        var start = 0;
        while (start < output.Length)
        {
            var end = Array.IndexOf(output, (byte)0, start);
            end = end < 0 ? output.Length : end;
            string record;
            try
            {
                record = StrictUtf8.GetString(output, start, end - start);
            }
            catch (DecoderFallbackException)
            {
                throw new SourceException(RefusalReason.InvalidManifest, $"a path is not valid UTF-8: {Encoding.UTF8.GetString(output, start, end - start)}");
            }

            start = end + 1;
            yield return record;
        }
    }
}
