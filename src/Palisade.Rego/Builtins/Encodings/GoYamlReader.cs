using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Palisade.Rego.Builtins.Strings;
using Palisade.Rego.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>
/// Reads the first YAML document into a value as OPA does (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 plain
/// scalars (yes/no/on/off are booleans, 0x1F and 017 are integers), keys turned into strings, merge keys, and
/// errors worded "yaml: line N: …".
/// </summary>
internal sealed class GoYamlReader
{
    private const string TagPrefix = "tag:yaml.org,2002:";
    private readonly Parser _parser;
    private readonly Dictionary<string, Value> _anchors = new(StringComparer.Ordinal);

    private GoYamlReader(string text) => _parser = new Parser(new StringReader(text));

    public static Value Read(string text)
    {
        var reader = new GoYamlReader(text);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException e)
        {
            // YamlDotNet places errors at end of input on a line after the last; Go reports the last line.
            throw new BuiltinException($"yaml: line {Math.Min(e.Start.Line, LastLine(text))}: {Problem(e.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections (a plain scalar running over
            // lines inside [ ]); go-yaml rejects them too, but its exact wording is not known here.
            throw new BuiltinException($"yaml: line {LastLine(text)}: invalid YAML");
        }
    }

    private static int LastLine(string text) => text.TrimEnd('\n').Count(c => c == '\n') + 1;

    public static bool IsValid(string text)
    {
        try
        {
            Read(text);
            return true;
        }
        catch (BuiltinException)
        {
            return false;
        }
    }

    /// <summary>libyaml's problem text: YamlDotNet adds a location and "While parsing …, " before it.</summary>
    private static string Problem(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut >= 0)
        {
            message = message[(cut + 3)..];
        }

        if (message.StartsWith("While ", StringComparison.Ordinal) && message.IndexOf(", ", StringComparison.Ordinal) is > 0 and var comma)
        {
            message = message[(comma + 2)..];
        }

        return message.Trim().TrimEnd('.');
    }

    private Value ReadDocument()
    {
        _parser.Consume<StreamStart>();
        if (!_parser.TryConsume<DocumentStart>(out _))
        {
            return NullValue.Instance;
        }

        return _parser.Accept<DocumentEnd>(out _) ? NullValue.Instance : ReadNode();
    }

    private Value ReadNode()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new BuiltinException("yaml: exceeded max depth");
        }

        var current = _parser.Current!;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new BuiltinException($"yaml: unknown anchor '{alias.Value.Value}' referenced");
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, ResolveScalar(scalar));
            case SequenceStart start:
                _parser.MoveNext();
                var items = new List<Value>();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode());
                }

                return Remember(start.Anchor, ArrayValue.Of(items));
            case MappingStart start:
                _parser.MoveNext();
                return Remember(start.Anchor, ReadMapping());
            default:
                throw new BuiltinException($"yaml: unexpected {current.GetType().Name}");
        }
    }

    private Value Remember(AnchorName anchor, Value value)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = value;
        }

        return value;
    }

    private ObjectValue ReadMapping()
    {
        var entries = new List<KeyValuePair<Value, Value>>();
        var merged = new List<KeyValuePair<Value, Value>>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var isMerge = _parser.Current is Scalar { Value: "<<", Style: ScalarStyle.Plain };
            var key = ReadNode();
            var value = ReadNode();
            if (isMerge && value is ObjectValue or ArrayValue)
            {
                // Merged entries give way to the mapping's own keys, and earlier merged maps to later ones' absence.
                var sources = value is ObjectValue single ? [single] : ((ArrayValue)value).Items.ToArray().OfType<ObjectValue>().ToArray();
                foreach (var source in sources.Reverse())
                {
                    merged.AddRange(source.Entries);
                }

                continue;
            }

            entries.Add(new KeyValuePair<Value, Value>(KeyString(key), value));
        }

        return ObjectValue.Of(merged.Concat(entries));
    }

    /// <summary>Keys become strings, as they must to become JSON.</summary>
    private static StringValue KeyString(Value key) => key switch
    {
        StringValue s => s,
        NumberValue n => StringValue.Of(n.IsInteger ? n.Text : GoYamlWriter.FloatText(n.AsDouble)),
        BooleanValue b => StringValue.Of(b.Value ? "true" : "false"),
        NullValue => StringValue.Of("null"),
        _ => throw new BuiltinException("error converting YAML to JSON: yaml: invalid map key: " + key),
    };

    private static Value ResolveScalar(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag == TagPrefix + "str" || tag == TagPrefix + "binary" || (tag is null && scalar.Style != ScalarStyle.Plain) || tag == "!")
        {
            return StringValue.Of(scalar.Value);
        }

        return ResolvePlain(scalar.Value);
    }

    /// <summary>go-yaml v2's resolution of an untagged plain scalar.</summary>
    internal static Value ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return NullValue.Instance;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "true" or "True" or "TRUE":
                return BooleanValue.True;
            case "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "false" or "False" or "FALSE":
                return BooleanValue.False;
        }

        if (!(char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.'))
        {
            return StringValue.Of(text);
        }

        if (YamlTimestamp.TryNormalize(text, out var timestamp))
        {
            return StringValue.Of(timestamp);
        }

        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (TryParseGoInteger(plain, out var integer))
        {
            return NumberValue.Of(integer);
        }

        if (GoNumbers.IsDecimalFloat(plain))
        {
            var d = double.Parse(plain, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsInfinity(d))
            {
                return NumberValue.Of(d);
            }
        }

        return StringValue.Of(text);
    }

    /// <summary>strconv.ParseInt(s, 0, 64) (and ParseUint): sign, then 0x, 0o, 0b or a leading 0 for octal.</summary>
    private static bool TryParseGoInteger(string text, out BigInteger value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        if (text.Length - body.Length > 1 || body.Length == 0)
        {
            return false;
        }

        var radix = 10;
        if (body.Length > 1 && body[0] == '0')
        {
            (radix, body) = char.ToLowerInvariant(body[1]) switch
            {
                'x' => (16, body[2..]),
                'o' => (8, body[2..]),
                'b' => (2, body[2..]),
                _ => (8, body[1..]),
            };
        }

        if (body.Length == 0)
        {
            return false;
        }

        foreach (var c in body)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        value = negative ? -value : value;
        return value >= long.MinValue && value <= ulong.MaxValue;
    }
}
