using System.Text;
using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>Reads many blobs of the mirror with one git cat-file --batch.</summary>
internal static class BlobReader
{
    public static async Task<Dictionary<string, byte[]>> ReadAsync(GitMirror mirror, IReadOnlyCollection<string> objectIds, long expectedBytes, CancellationToken cancellation)
    {
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (objectIds.Count == 0)
        {
            return blobs;
        }

        var input = Encoding.ASCII.GetBytes(string.Concat(objectIds.Select(id => id + "\n")));
        // Room for one header line per blob; anything more means the mirror does not hold what ls-tree promised.
        var limit = expectedBytes + (objectIds.Count * 128L);
        var result = await mirror.RunAsync(["cat-file", "--batch"], cancellation, input: input, maxOutputBytes: limit).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new SourceException(RefusalReason.Other, $"mirror {mirror.Directory}: blobs could not be read: {result.ErrorLine}");
        }

        var output = result.Output;
        var position = 0;
        foreach (var id in objectIds)
        {
            var end = Array.IndexOf(output, (byte)'\n', position);
            var header = end < 0 ? "" : Encoding.ASCII.GetString(output, position, end - position);
            var fields = header.Split(' ');
            if (fields is not [var found, "blob", var sizeText] || found != id || !int.TryParse(sizeText, out var size) || end + 1 + size > output.Length)
            {
                throw new SourceException(RefusalReason.Other, $"mirror {mirror.Directory}: object {id} could not be read ({header})");
            }

            blobs[id] = output.AsSpan(end + 1, size).ToArray();
            position = end + 1 + size + 1;
        }

        return blobs;
    }
}
