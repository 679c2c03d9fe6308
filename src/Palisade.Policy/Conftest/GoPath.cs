namespace Palisade.Policy.Conftest;

/// <summary>Go's <c>filepath.Join</c> on Unix paths: the parts joined with '/', then cleaned (no <c>.</c>, <c>..</c> folded where it can be).</summary>
internal static class GoPath
{
    public static string Join(string folder, string path)
    {
        var joined = folder.Length == 0 ? path : path.Length == 0 ? folder : folder + "/" + path;
        return Clean(joined);
    }

    /// <summary>Go's <c>path.Clean</c>: the shortest path naming the same file by lexical processing alone.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add("..");
                }

                continue;
            }

            parts.Add(part);
        }

        var cleaned = string.Join('/', parts);
        return rooted ? "/" + cleaned : cleaned.Length == 0 ? "." : cleaned;
    }
}
