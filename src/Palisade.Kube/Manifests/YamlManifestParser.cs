using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Palisade.Kube.Manifests;

/// <summary>
/// Builds manifest nodes from YamlDotNet's event stream, so that every node keeps its position, duplicate keys
/// are an error (not "last one wins"), and aliases are shared rather than copied, with their expanded size bounded.
/// </summary>
internal sealed class YamlManifestParser
{
    private readonly string _file;
    private readonly ManifestReaderOptions _options;
    private readonly IParser _parser;
    private readonly Dictionary<string, (ManifestNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private long _writtenNodes;
    private long _aliasNodes;
    private Mark _lastGoodMark = Mark.Empty;

    private YamlManifestParser(string file, string text, ManifestReaderOptions options)
    {
        _file = file;
        _options = options;
        _parser = new Parser(new StringReader(text));
    }

    public static IReadOnlyList<ManifestDocument> Parse(string file, string text, ManifestReaderOptions options)
    {
        // Each retry indents one more quoted scalar that go-yaml accepts and YamlDotNet does not; the bound keeps a
        // hostile file from making this quadratic.
        for (var retries = 0; ; retries++)
        {
            var reader = new YamlManifestParser(file, text, options);
            try
            {
                return reader.ParseStream();
            }
            catch (YamlException ex)
            {
                if (retries < MaxIndentationRetries && QuotedScalarIndentation.IsItsError(ex)
                    && QuotedScalarIndentation.Deepen(text, (int)ex.Start.Line, (int)ex.Start.Column) is { } deeper)
                {
                    text = deeper;
                    continue;
                }

                throw new ManifestException(reader.At(ex.Start), "invalid YAML: " + Describe(ex));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                // YamlDotNet's scanner fails this way on some malformed input; the last event read is the best place we know.
                throw new ManifestException(reader.At(reader._lastGoodMark), "invalid YAML: the syntax after this point cannot be read");
            }
        }
    }

    private const int MaxIndentationRetries = 32;

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: 20) - (Line: …): "; the location is ours to print.
        var message = ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut >= 0)
        {
            message = message[(cut + 3)..];
        }

        return message.Trim();
    }

    private SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private IReadOnlyList<ManifestDocument> ParseStream()
    {
        var documents = new List<ManifestDocument>();
        _parser.Consume<StreamStart>();
        while (_parser.TryConsume<DocumentStart>(out _))
        {
            _anchors.Clear();
            _writtenNodes = 0;
            _aliasNodes = 0;
            ManifestNode? root = null;
            if (!_parser.Accept<DocumentEnd>(out _))
            {
                root = ParseNode(depth: 1).Node;
                if (root is ScalarNode { IsNull: true, Text: "" })
                {
                    root = null;
                }
            }

            _parser.Consume<DocumentEnd>();
            documents.Add(new ManifestDocument(_file, documents.Count, root));
        }

        _parser.Consume<StreamEnd>();
        return documents;
    }

    private (ManifestNode Node, long Size) ParseNode(int depth)
    {
        if (depth > _options.MaxDepth)
        {
            throw new ManifestException(At(_parser.Current!.Start), $"nesting deeper than {_options.MaxDepth} levels");
        }

        var current = _parser.Current!;
        _lastGoodMark = current.End;
        return current switch
        {
            AnchorAlias alias => ResolveAlias(alias),
            Scalar scalar => Remember(scalar.Anchor, ParseScalar(scalar)),
            SequenceStart start => Remember(start.Anchor, ParseSequence(start, depth)),
            MappingStart start => Remember(start.Anchor, ParseMapping(start, depth)),
            _ => throw new ManifestException(At(current.Start), $"unexpected {current.GetType().Name}"),
        };
    }

    private (ManifestNode, long) Remember(AnchorName anchor, (ManifestNode Node, long Size) built)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = built;
        }

        return built;
    }

    private (ManifestNode, long) ResolveAlias(AnchorAlias alias)
    {
        _parser.MoveNext();
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            throw new ManifestException(At(alias.Start), $"alias *{alias.Value.Value} refers to no anchor defined before it");
        }

        _aliasNodes += target.Size;
        var allowed = _options.AliasExpansionAllowance + (_options.AliasExpansionFactor * _writtenNodes);
        if (_aliasNodes > allowed)
        {
            throw new ManifestException(
                At(alias.Start),
                $"aliases expand to more than {allowed} nodes; refusing a document that grows this much when expanded (alias bomb)");
        }

        return target;
    }

    private (ManifestNode, long) ParseScalar(Scalar scalar)
    {
        _parser.MoveNext();
        _writtenNodes++;
        var location = At(scalar.Start);
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        var node = tag switch
        {
            "tag:yaml.org,2002:str" or "tag:yaml.org,2002:binary" => ScalarNode.String(location, scalar.Value, quoted: true),
            "tag:yaml.org,2002:null" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float"
                => ResolveTagged(location, scalar.Value, tag),
            _ when scalar.Style == ScalarStyle.Plain => ScalarResolver.ResolvePlain(location, scalar.Value),
            _ => ScalarNode.String(location, scalar.Value, quoted: true),
        };
        return (node, 1);
    }

    private static ScalarNode ResolveTagged(SourceLocation location, string text, string tag)
    {
        var resolved = ScalarResolver.ResolvePlain(location, text);
        var expected = tag switch
        {
            "tag:yaml.org,2002:null" => ScalarKind.Null,
            "tag:yaml.org,2002:bool" => ScalarKind.Bool,
            "tag:yaml.org,2002:int" => ScalarKind.Integer,
            _ => ScalarKind.Float,
        };
        if (resolved.Kind == expected || (expected == ScalarKind.Float && resolved.Kind == ScalarKind.Integer))
        {
            return expected == ScalarKind.Float && resolved.Kind == ScalarKind.Integer
                ? ScalarNode.Float(location, resolved.AsDouble, text)
                : resolved;
        }

        throw new ManifestException(location, $"'{text}' is not a valid {tag["tag:yaml.org,2002:".Length..]}");
    }

    private (ManifestNode, long) ParseSequence(SequenceStart start, int depth)
    {
        _parser.MoveNext();
        _writtenNodes++;
        var items = new List<ManifestNode>();
        long size = 1;
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            var (item, itemSize) = ParseNode(depth + 1);
            items.Add(item);
            size += itemSize;
        }

        return (new SequenceNode(At(start.Start), items), size);
    }

    private (ManifestNode, long) ParseMapping(MappingStart start, int depth)
    {
        _parser.MoveNext();
        _writtenNodes++;
        var entries = new List<MappingEntry>();
        var seen = new Dictionary<string, MappingEntry>(StringComparer.Ordinal);
        var merged = new List<MappingEntry>();
        long size = 1;
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            var keyLocation = At(keyEvent.Start);
            var (keyNode, _) = ParseNode(depth + 1);
            if (keyNode is not ScalarNode keyScalar)
            {
                throw new ManifestException(keyLocation, "mapping keys must be scalars");
            }

            var (value, valueSize) = ParseNode(depth + 1);
            size += valueSize;
            if (keyScalar is { Kind: ScalarKind.String, Quoted: false, Text: "<<" })
            {
                merged.AddRange(MergeSources(value, keyLocation));
                continue;
            }

            var entry = new MappingEntry(keyScalar.Text, keyLocation, value);
            if (seen.TryGetValue(entry.Key, out var first))
            {
                throw new ManifestException(keyLocation, $"duplicate key \"{entry.Key}\" (first defined at line {first.KeyLocation.Line})");
            }

            seen.Add(entry.Key, entry);
            entries.Add(entry);
        }

        // Merge keys (<<) fill in what the mapping does not set itself; the first source to set a key wins.
        foreach (var entry in merged)
        {
            if (seen.TryAdd(entry.Key, entry))
            {
                entries.Add(entry);
            }
        }

        return (new MappingNode(At(start.Start), entries), size);
    }

    private static IEnumerable<MappingEntry> MergeSources(ManifestNode value, SourceLocation keyLocation) => value switch
    {
        MappingNode mapping => mapping.Entries,
        SequenceNode sequence when sequence.Items.All(i => i is MappingNode)
            => sequence.Items.Cast<MappingNode>().SelectMany(m => m.Entries),
        _ => throw new ManifestException(keyLocation, "a merge key (<<) takes a mapping or a sequence of mappings"),
    };
}
