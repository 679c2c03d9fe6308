using System.Buffers;
using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>Checks a configured ref before it becomes part of a refspec or a command line.</summary>
internal static class RefName
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(" ~^:?*[\\");

    public static string? Validate(string? name)
    {
        if (name is null)
        {
            return null;
        }

        // A leading '-' would be read as an option, a ':' would split the refspec, and the rest is what git refuses anyway.
        if (name.Length == 0 || name.StartsWith('-') || name.StartsWith('/') || name.EndsWith('/') || name.EndsWith(".lock", StringComparison.Ordinal)
            || name.Contains("..", StringComparison.Ordinal) || name.Contains("@{", StringComparison.Ordinal) || name.Contains("//", StringComparison.Ordinal)
            || name.IndexOfAny(Forbidden) >= 0 || name.Any(char.IsControl))
        {
            throw new SourceException(RefusalReason.Other, $"ref {name}: not a valid branch, tag or commit name");
        }

        return name;
    }

    /// <summary>A full or abbreviated object id, as far as its characters go.</summary>
    public static bool LooksLikeCommit(string name) => name.Length is >= 7 and <= 40 && name.All(char.IsAsciiHexDigitLower);
}
