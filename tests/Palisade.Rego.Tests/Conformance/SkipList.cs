namespace Palisade.Rego.Tests.Conformance;

/// <summary>
/// The conformance cases Palisade does not pass yet, each under the reason why: lines <c>file :: note</c> below a
/// <c># reason</c> line, in skip-list.txt beside this file.
/// </summary>
internal sealed class SkipList
{
    private readonly Dictionary<string, string> _reasons = new(StringComparer.Ordinal);

    public SkipList(string path)
    {
        string? reason = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                reason = line.TrimStart('#').Trim();
            }
            else if (line.Length > 0)
            {
                _reasons[line] = reason ?? throw new InvalidDataException($"{path}: \"{line}\" has no reason above it");
            }
        }
    }

    public IReadOnlyCollection<string> Keys => _reasons.Keys;

    public bool Contains(string key) => _reasons.ContainsKey(key);

    public static string KeyOf(string root, string file, string note) =>
        $"{Path.GetRelativePath(root, file).Replace('\\', '/')} :: {note}";
}
