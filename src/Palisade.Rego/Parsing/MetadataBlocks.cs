using Palisade.Rego.Ast;

namespace Palisade.Rego.Parsing;

/// <summary>A <c># METADATA</c> comment and the comment lines that hold its YAML.</summary>
internal sealed record MetadataBlock(Comment Start, IReadOnlyList<Comment> Lines);

/// <summary>
/// Finds metadata blocks as OPA does: a comment at column 1 whose text starts with <c>METADATA</c> opens a block, and
/// the block runs over the comments directly below it, one per line, each at column 1, up to the next such opener.
/// </summary>
internal static class MetadataBlocks
{
    private const string Marker = "METADATA";

    public static List<MetadataBlock> Find(IReadOnlyList<Comment> comments)
    {
        var blocks = new List<MetadataBlock>();
        for (var i = 0; i < comments.Count; i++)
        {
            if (!IsMetadata(comments[i]))
            {
                continue;
            }

            var start = comments[i];
            var lines = new List<Comment>();
            while (i + 1 < comments.Count && Continues(comments[i + 1], comments[i]))
            {
                lines.Add(comments[++i]);
            }

            blocks.Add(new MetadataBlock(start, lines));
        }

        return blocks;
    }

    private static bool IsMetadata(Comment comment) =>
        comment.Location.Column == 1 && comment.Text.Trim().StartsWith(Marker, StringComparison.Ordinal);

    private static bool Continues(Comment current, Comment previous) =>
        current.Location.Column == 1 && current.Location.Line == previous.Location.Line + 1 && !IsMetadata(current);
}
