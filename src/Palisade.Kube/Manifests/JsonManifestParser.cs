using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Palisade.Kube.Manifests;

/// <summary>
/// Reads a JSON file into manifest nodes with line and column, rejecting duplicate keys
/// (System.Text.Json's DOM keeps the last one silently).
/// </summary>
internal sealed class JsonManifestParser
{
    private readonly string _file;
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];
    private readonly int _maxDepth;

    private JsonManifestParser(string file, byte[] utf8, int maxDepth)
    {
        _file = file;
        _utf8 = utf8;
        _maxDepth = maxDepth;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static IReadOnlyList<ManifestDocument> Parse(string file, byte[] utf8, ManifestReaderOptions options)
    {
        var parser = new JsonManifestParser(file, utf8, options.MaxDepth);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = options.MaxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
        });
        try
        {
            if (!reader.Read())
            {
                return [new ManifestDocument(file, 0, null)];
            }

            var root = parser.ParseValue(ref reader, depth: 1);
            if (reader.Read())
            {
                throw new ManifestException(parser.At(reader.TokenStartIndex), "invalid JSON: more than one value in the file");
            }

            return [new ManifestDocument(file, 0, root)];
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw new ManifestException(new SourceLocation(file, line, column), "invalid JSON: " + FirstSentence(ex.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd();
    }

    private SourceLocation At(long byteOffset)
    {
        var index = _lineStarts.BinarySearch((int)byteOffset);
        var line = index >= 0 ? index : ~index - 1;
        var start = _lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(_utf8, start, (int)byteOffset - start) + 1;
        return new SourceLocation(_file, line + 1, column);
    }

    private ManifestNode ParseValue(ref Utf8JsonReader reader, int depth)
    {
        var location = At(reader.TokenStartIndex);
        if (depth > _maxDepth)
        {
            throw new ManifestException(location, $"nesting deeper than {_maxDepth} levels");
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ParseObject(ref reader, location, depth);
            case JsonTokenType.StartArray:
                var items = new List<ManifestNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ParseValue(ref reader, depth + 1));
                }

                return new SequenceNode(location, items);
            case JsonTokenType.String:
                return ScalarNode.String(location, reader.GetString()!, quoted: true);
            case JsonTokenType.Number:
                return ParseNumber(location, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return ScalarNode.Bool(location, true, "true");
            case JsonTokenType.False:
                return ScalarNode.Bool(location, false, "false");
            case JsonTokenType.Null:
                return ScalarNode.Null(location);
            default:
                throw new ManifestException(location, $"invalid JSON: unexpected {reader.TokenType}");
        }
    }

    private MappingNode ParseObject(ref Utf8JsonReader reader, SourceLocation location, int depth)
    {
        var entries = new List<MappingEntry>();
        var seen = new Dictionary<string, MappingEntry>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var keyLocation = At(reader.TokenStartIndex);
            var key = reader.GetString()!;
            reader.Read();
            var entry = new MappingEntry(key, keyLocation, ParseValue(ref reader, depth + 1));
            if (!seen.TryAdd(key, entry))
            {
                throw new ManifestException(keyLocation, $"duplicate key \"{key}\" (first defined at line {seen[key].KeyLocation.Line})");
            }

            entries.Add(entry);
        }

        return new MappingNode(location, entries);
    }

    private static ScalarNode ParseNumber(SourceLocation location, string text)
    {
        if (text.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return ScalarNode.Integer(location, BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), text);
        }

        return ScalarNode.Float(location, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), text);
    }
}
