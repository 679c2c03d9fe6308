using System.Text;

namespace Palisade.Kube.Manifests;

/// <summary>
/// The one reader of YAML and JSON manifests that every Palisade command uses: files and folders, multi-document
/// YAML, a position on every node, and limits against hostile input (size, depth, aliases, symlinks).
/// </summary>
public sealed class ManifestReader(ManifestReaderOptions? options = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ManifestReaderOptions Options { get; } = options ?? ManifestReaderOptions.Default;

    /// <summary>
    /// Reads every manifest under the given files and folders. With a confinement root, no file outside it is read,
    /// however a symlink points; without one, each folder confines its own walk.
    /// </summary>
    public ManifestReadResult ReadPaths(IEnumerable<string> paths, string? confinementRoot = null)
    {
        var (sources, errors) = new ManifestFileWalker(Options, confinementRoot).Walk(paths);
        var documents = new List<ManifestDocument>();
        var allErrors = new List<Diagnostic>(errors);
        foreach (var source in sources)
        {
            try
            {
                documents.AddRange(ReadFile(source.DisplayPath, source.RealPath));
            }
            catch (ManifestException ex)
            {
                allErrors.Add(ex.Diagnostic);
            }
        }

        return new ManifestReadResult(documents, allErrors);
    }

    /// <summary>Reads one file; <paramref name="displayPath"/> is the name used in positions and messages.</summary>
    public IReadOnlyList<ManifestDocument> ReadFile(string displayPath, string? realPath = null) =>
        ReadBytes(displayPath, ReadAllBytes(displayPath, realPath));

    /// <summary>
    /// A file's content, refused before it is read when it is missing or over the size limit; errors name
    /// <paramref name="displayPath"/>. For inputs parsed elsewhere (TOML, a policy's fixtures) under the same limits.
    /// </summary>
    public byte[] ReadAllBytes(string displayPath, string? realPath = null)
    {
        realPath ??= displayPath;
        var info = new FileInfo(realPath);
        if (!info.Exists)
        {
            throw new ManifestException(SourceLocation.OfFile(displayPath), "no such file");
        }

        if (info.Length > Options.MaxFileBytes)
        {
            throw new ManifestException(
                SourceLocation.OfFile(displayPath),
                $"file is {info.Length} bytes, over the limit of {Options.MaxFileBytes} bytes");
        }

        try
        {
            return File.ReadAllBytes(realPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(SourceLocation.OfFile(displayPath), "cannot read file: " + ex.Message);
        }
    }

    /// <summary>Refuses content over the size limit, whichever parser reads it.</summary>
    public void CheckSize(string displayPath, long length)
    {
        if (length > Options.MaxFileBytes)
        {
            throw new ManifestException(
                SourceLocation.OfFile(displayPath),
                $"content is {length} bytes, over the limit of {Options.MaxFileBytes} bytes");
        }
    }

    /// <summary>Reads manifest content held in memory; a name ending in .json selects the JSON reader.</summary>
    public IReadOnlyList<ManifestDocument> ReadBytes(string displayPath, byte[] bytes) =>
        ReadBytes(displayPath, bytes, ManifestFormat.ByName);

    /// <summary>Reads manifest content held in memory in the given format (a user's <c>--parser</c> overrides the name).</summary>
    public IReadOnlyList<ManifestDocument> ReadBytes(string displayPath, byte[] bytes, ManifestFormat format)
    {
        CheckSize(displayPath, bytes.LongLength);

        var body = bytes.AsSpan();
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (format == ManifestFormat.Json || (format == ManifestFormat.ByName && displayPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            return JsonManifestParser.Parse(displayPath, body.ToArray(), Options);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new ManifestException(SourceLocation.OfFile(displayPath), "file is not valid UTF-8 text");
        }

        return YamlManifestParser.Parse(displayPath, text, Options);
    }

    /// <summary>Reads YAML (or, by name, JSON) text held in memory.</summary>
    public IReadOnlyList<ManifestDocument> ReadText(string displayPath, string text) =>
        ReadBytes(displayPath, Encoding.UTF8.GetBytes(text));
}
