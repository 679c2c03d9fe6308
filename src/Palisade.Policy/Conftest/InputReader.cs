using System.Text.RegularExpressions;
using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;
using Palisade.Policy.Loading;
using Palisade.Rego.Values;

namespace Palisade.Policy.Conftest;

/// <summary>
/// Finds and reads <c>palisade test</c>'s inputs: files as given, folders walked in lexical order (skipping paths that
/// match <c>--ignore</c>), <c>-</c> from stdin. YAML, JSON and TOML, by extension or <c>--parser</c>.
/// </summary>
public sealed class InputReader(ManifestReader reader, string? parser, string? ignore, Func<byte[]>? stdin = null)
{
    public static readonly IReadOnlyList<string> Parsers = ["yaml", "json", "toml"];

    private readonly Regex? _ignore = string.IsNullOrEmpty(ignore) ? null : CompileIgnore(ignore);
    private readonly string? _forced = parser switch
    {
        null or "" => null,
        _ when Parsers.Contains(parser) => parser,
        _ => throw new ConftestException(null, $"unknown parser {parser}: palisade test reads {ParserList}"),
    };

    /// <summary>"yaml, json and toml", for messages.</summary>
    public static string ParserList => string.Join(", ", Parsers.Take(Parsers.Count - 1)) + " and " + Parsers[^1];

    /// <summary>The input files in the order conftest finds them; an empty argument is skipped, as conftest skips it.</summary>
    public IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var found = new List<string>();
        foreach (var path in paths.Where(p => p.Length > 0))
        {
            if (path == "-" || File.Exists(path))
            {
                found.Add(path);
            }
            else if (Directory.Exists(path))
            {
                Walk(path.Length > 1 ? path.TrimEnd('/') : path, found);
            }
            else
            {
                throw new ConftestException(SourceLocation.OfFile(path), "no such file or folder");
            }
        }

        return found;
    }

    public InputFile Read(string path)
    {
        var parser = _forced ?? ParserOf(path) ?? throw new ConftestException(
            SourceLocation.OfFile(path),
            $"no parser for this file type: palisade test reads {ParserList} (name them .yaml, .yml, .json or .toml, or pass --parser)");
        var bytes = path == "-"
            ? (stdin ?? throw new ConftestException(null, "no standard input to read"))()
            : reader.ReadAllBytes(path);
        return new InputFile(path, Parse(path, bytes, parser, reader));
    }

    /// <summary>The documents of <paramref name="bytes"/> read with <paramref name="parser"/> (one of <see cref="Parsers"/>), as conftest checks them.</summary>
    internal static List<InputDocument> Parse(string path, byte[] bytes, string parser, ManifestReader reader)
    {
        if (parser == "toml")
        {
            reader.CheckSize(path, bytes.LongLength);
            return [new InputDocument(TomlInput.Parse(path, bytes), new SourceLocation(path, 1, 1))];
        }

        return Split(reader.ReadBytes(path, bytes, parser == "json" ? ManifestFormat.Json : ManifestFormat.Yaml));
    }

    /// <summary>The parser a file's name selects; stdin is YAML unless <c>--parser</c> says otherwise.</summary>
    internal static string? ParserOf(string path) => path == "-"
        ? "yaml"
        : Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => "yaml",
            ".json" => "json",
            ".toml" => "toml",
            _ => null,
        };

    /// <summary>
    /// conftest checks each document of a multi-document file on its own, and likewise each element of a file whose
    /// only document is a list.
    /// </summary>
    internal static List<InputDocument> Split(IReadOnlyList<ManifestDocument> documents)
    {
        if (documents.Count == 1 && documents[0].Root is SequenceNode list)
        {
            return list.Items.Select(item => new InputDocument(ManifestValues.ToValue(item), item.Location)).ToList();
        }

        if (documents.Count == 1)
        {
            return [new InputDocument(ManifestValues.ToValue(documents[0].Root), documents[0].Location)];
        }

        return documents.Where(d => d.Root is not null).Select(d => new InputDocument(ManifestValues.ToValue(d.Root), d.Location)).ToList();
    }

    private void Walk(string folder, List<string> found)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Where(name => !MountedVolumes.IsInternal(name!)).Order(StringComparer.Ordinal);
        foreach (var name in entries)
        {
            var path = folder == "/" ? "/" + name : folder + "/" + name;
            if (_ignore is not null && _ignore.IsMatch(path))
            {
                continue;
            }

            if (Directory.Exists(path))
            {
                // As conftest's walk: a symbolic link to a folder is not descended (only one given as an argument is).
                if (FolderFiles.Descends(path))
                {
                    Walk(path, found);
                }
            }
            else if (_forced is not null || ParserOf(path) is not null)
            {
                found.Add(path);
            }
        }
    }

    /// <summary>Go's regexp is RE2: linear time, no backtracking; .NET's non-backtracking engine keeps that promise.</summary>
    private static Regex CompileIgnore(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ConftestException(null, $"--ignore {pattern}: not a valid regular expression: {ex.Message}");
        }
    }
}
