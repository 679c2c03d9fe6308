using System.Text;
using System.Text.RegularExpressions;
using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Builtins.Encodings;
using Palisade.Rego.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Palisade.Rego.Parsing;

/// <summary>
/// Reads one metadata block into <see cref="Annotations"/>, with OPA's errors: go-yaml's syntax and type errors
/// (placed on a comment line of the block, as OPA places them) and its own checks of authors, related resources and
/// schemas (placed on the <c># METADATA</c> line). The scope is left empty when the block names none; attaching the
/// block to what follows it decides it.
/// </summary>
internal static partial class AnnotationReader
{
    public static (Annotations? Annotations, RegoError? Error) Read(MetadataBlock block)
    {
        var yaml = YamlText(block.Lines);
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return Fail("expected METADATA block, found whitespace", block.Start.Location);
        }

        Value document;
        YamlNode? root;
        try
        {
            document = GoYamlReader.Read(yaml);
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (BuiltinException e)
        {
            return YamlFailure(e.Message, block);
        }
        catch (YamlException e)
        {
            return YamlFailure($"yaml: line {e.Start.Line}: {e.Message}", block);
        }

        var shape = AnnotationShape.Read(root);
        if (shape.Errors.Count > 0)
        {
            return YamlFailure("yaml: unmarshal errors:\n  " + string.Join("\n  ", shape.Errors), block);
        }

        var fields = document as ObjectValue ?? ObjectValue.Empty;
        var annotations = new Annotations(shape.Scope, block.Start.Location)
        {
            Title = shape.Title,
            Description = shape.Description,
            Entrypoint = shape.Entrypoint,
            Organizations = shape.Organizations,
        };

        var (complete, error) = AnnotationFields.Complete(annotations, fields);
        return error is null ? (complete, null) : Fail(error, block.Start.Location);
    }

    /// <summary>The block's YAML: each comment line without its first space.</summary>
    private static string YamlText(IReadOnlyList<Comment> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var content = line.Text.TrimEnd('\r');
            text.Append(content.StartsWith(' ') ? content[1..] : content).Append('\n');
        }

        return text.ToString();
    }

    private static (Annotations?, RegoError?) Fail(string message, Location location) =>
        (null, new RegoError(RegoError.ParseErrorCode, message, location));

    /// <summary>
    /// A YAML error sits on the comment line whose index is the line number in the message (OPA indexes the block's
    /// lines with it directly), or on the last line when that is past the end, or on the first line when no line is named.
    /// </summary>
    private static (Annotations?, RegoError?) YamlFailure(string message, MetadataBlock block)
    {
        var location = block.Lines.Count > 0 ? block.Lines[0].Location : block.Start.Location;
        var match = YamlLine().Match(message);
        if (match.Success && int.TryParse(match.Groups[1].ValueSpan, out var index) && block.Lines.Count > 0)
        {
            location = block.Lines[Math.Min(index, block.Lines.Count - 1)].Location;
        }

        return Fail(message + Hint(block.Lines), location);
    }

    /// <summary>OPA's hint for a key/value separator <c>:</c> followed by something other than a space or tab.</summary>
    private static string Hint(IReadOnlyList<Comment> lines)
    {
        var hint = string.Empty;
        foreach (var line in lines)
        {
            var parts = line.Text.Split(':');
            var invalid = new List<string>();
            for (var i = 1; i < parts.Length; i++)
            {
                var part = parts[i];
                if (part.Length == 0 && i == parts.Length - 1)
                {
                    break;
                }

                var rune = part.Length == 0 ? Rune.ReplacementChar : Rune.GetRuneAt(part, 0);
                if (rune.Value is ' ' or '\t')
                {
                    break;
                }

                invalid.Add(GoRuneQuote(rune));
            }

            if (invalid.Count > 0)
            {
                hint += $"\n  Hint: on line {line.Location.Line}, symbol(s) [{string.Join(' ', invalid)}] immediately following a key/value separator ':' is not a legal yaml space character";
            }
        }

        return hint;
    }

    /// <summary>Go's <c>%+q</c> of a rune: single-quoted, ASCII only.</summary>
    private static string GoRuneQuote(Rune rune) => rune.Value switch
    {
        '\'' => @"'\''",
        '\\' => @"'\\'",
        '\a' => @"'\a'",
        '\b' => @"'\b'",
        '\f' => @"'\f'",
        '\n' => @"'\n'",
        '\r' => @"'\r'",
        '\t' => @"'\t'",
        '\v' => @"'\v'",
        >= 0x20 and < 0x7f => $"'{(char)rune.Value}'",
        < 0x80 => $@"'\x{rune.Value:x2}'",
        <= 0xffff => $@"'\u{rune.Value:x4}'",
        _ => $@"'\U{rune.Value:x8}'",
    };

    [GeneratedRegex(@"^yaml:(?: unmarshal errors:[\n\s]*)? line ([0-9]+):")]
    private static partial Regex YamlLine();
}
