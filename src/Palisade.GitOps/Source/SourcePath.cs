using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>Folders inside a repository, always relative, forward-slashed, without "." or empty segments.</summary>
internal static class SourcePath
{
    public static string Normalize(string path)
    {
        if (path.StartsWith('/') || path.StartsWith('\\'))
        {
            throw new SourceException(RefusalReason.PathEscape, $"path {path}: must be relative to the repository");
        }

        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        if (segments.Contains(".."))
        {
            throw new SourceException(RefusalReason.PathEscape, $"path {path}: \"..\" is not allowed");
        }

        return string.Join('/', segments);
    }

    public static string Join(string prefix, string path) =>
        prefix.Length == 0 ? path : path.Length == 0 ? prefix : $"{prefix}/{path}";
}
