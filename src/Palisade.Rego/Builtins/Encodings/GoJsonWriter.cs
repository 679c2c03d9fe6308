using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>
/// Writes values as Go's encoding/json writes OPA's JSON form of them: object keys sorted (non-string keys become
/// their JSON text), sets as arrays, numbers as their text, &lt; &gt; &amp; U+2028 U+2029 escaped; optionally indented
/// as json.MarshalIndent does.
/// </summary>
internal sealed class GoJsonWriter
{
    private readonly StringBuilder _out = new();
    private readonly string? _prefix;
    private readonly string? _indent;

    private GoJsonWriter(string? prefix, string? indent)
    {
        _prefix = prefix;
        _indent = indent;
    }

    public static string Write(Value value) => Write(value, null, null);

    /// <summary>With an indent, the layout of json.MarshalIndent (the first line gets no prefix).</summary>
    public static string Write(Value value, string? prefix, string? indent)
    {
        var writer = new GoJsonWriter(prefix, indent);
        writer.WriteValue(value, 0);
        return writer._out.ToString();
    }

    private void WriteValue(Value value, int depth)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new BuiltinException("value nested too deeply to encode");
        }

        switch (value)
        {
            case NullValue:
                _out.Append("null");
                break;
            case BooleanValue b:
                _out.Append(b.Value ? "true" : "false");
                break;
            case NumberValue n:
                _out.Append(NumberText(n));
                break;
            case StringValue s:
                WriteString(_out, s.Value);
                break;
            case ArrayValue a:
                WriteItems(a.Items, depth);
                break;
            case SetValue s:
                WriteItems(s.Items, depth);
                break;
            case ObjectValue o:
                WriteObject(o, depth);
                break;
        }
    }

    /// <summary>The number's own text when it is valid JSON, else its canonical form.</summary>
    internal static string NumberText(NumberValue number)
    {
        var text = number.Text;
        return IsJsonNumber(text) ? text : number.CanonicalText;
    }

    private static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]) || (text[i] == '0' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
        {
            return false;
        }

        return GoNumbers.IsDecimalFloat(text) && !text.Contains("+.", StringComparison.Ordinal) && !text.EndsWith('.') && !text.Contains(".e", StringComparison.OrdinalIgnoreCase);
    }

    private void WriteItems(ReadOnlySpan<Value> items, int depth)
    {
        _out.Append('[');
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                _out.Append(',');
            }

            NewLine(depth + 1);
            WriteValue(items[i], depth + 1);
        }

        if (items.Length > 0)
        {
            NewLine(depth);
        }

        _out.Append(']');
    }

    private void WriteObject(ObjectValue obj, int depth)
    {
        var entries = new List<(string Key, Value Value)>(obj.Count);
        for (var i = 0; i < obj.Count; i++)
        {
            entries.Add((obj.Keys[i] is StringValue s ? s.Value : Write(obj.Keys[i]), obj.Values[i]));
        }

        entries.Sort((a, b) => StringValue.CompareCodePoints(a.Key, b.Key));
        _out.Append('{');
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                _out.Append(',');
            }

            NewLine(depth + 1);
            WriteString(_out, entries[i].Key);
            _out.Append(_indent is null ? ":" : ": ");
            WriteValue(entries[i].Value, depth + 1);
        }

        if (entries.Count > 0)
        {
            NewLine(depth);
        }

        _out.Append('}');
    }

    private void NewLine(int depth)
    {
        if (_indent is null)
        {
            return;
        }

        _out.Append('\n').Append(_prefix);
        for (var i = 0; i < depth; i++)
        {
            _out.Append(_indent);
        }
    }

    public static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
                    {
                        builder.Append("\\ufffd");
                    }
                    else
                    {
                        builder.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            builder.Append(text[++i]);
                        }
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
