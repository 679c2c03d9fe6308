using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Palisade.Rego.Builtins.Strings;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>
/// Writes a value as go-yaml v2 writes OPA's JSON form of it (yaml.marshal): block style, two-space indents,
/// sequences flush under their key, sorted keys, strings quoted only when they would read back as something else.
/// </summary>
internal sealed class GoYamlWriter
{
    private readonly StringBuilder _out = new();

    public static string Write(Value value)
    {
        var writer = new GoYamlWriter();
        if (value is ObjectValue { Count: > 0 } or ArrayValue { Count: > 0 } or SetValue { Count: > 0 })
        {
            writer.WriteNode(value, 0, inSequence: false, afterKey: false);
        }
        else
        {
            // libyaml indents a document's lone scalar (its continuation lines) by two.
            writer.WriteScalar(value, 2);
            writer._out.Append('\n');
        }

        return writer._out.ToString();
    }

    /// <summary>A float as go-yaml prints it: strconv 'g' with the shortest digits.</summary>
    public static string FloatText(double value) =>
        (value < 0 ? "-" : "") + GoFloat.Format(Math.Abs(value), 'g', -1);

    private void WriteNode(Value value, int indent, bool inSequence, bool afterKey)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new BuiltinException("value nested too deeply to encode");
        }

        switch (value)
        {
            case ObjectValue { Count: > 0 } obj:
                WriteMapping(obj, indent, inSequence, afterKey);
                break;
            case ArrayValue { Count: > 0 } or SetValue { Count: > 0 }:
                WriteSequence(value is ArrayValue a ? a.Items : ((SetValue)value).Items, indent, inSequence, afterKey);
                break;
            default:
                if (afterKey)
                {
                    _out.Append(' ');
                }

                WriteScalar(value, indent);
                _out.Append('\n');
                break;
        }
    }

    private void WriteMapping(ObjectValue obj, int indent, bool inSequence, bool afterKey)
    {
        var entries = new List<(string Key, Value Value)>();
        for (var i = 0; i < obj.Count; i++)
        {
            entries.Add((obj.Keys[i] is StringValue s ? s.Value : GoJsonWriter.Write(obj.Keys[i]), obj.Values[i]));
        }

        entries.Sort((x, y) => StringValue.CompareCodePoints(x.Key, y.Key));
        if (afterKey)
        {
            _out.Append('\n');
        }

        for (var i = 0; i < entries.Count; i++)
        {
            // The first key of a mapping inside a sequence shares the "- " line.
            if (!(inSequence && i == 0))
            {
                _out.Append(' ', indent);
            }

            WriteString(entries[i].Key, indent, allowBreaks: false);
            _out.Append(':');
            var child = entries[i].Value;
            var nestedSequence = child is ArrayValue { Count: > 0 } or SetValue { Count: > 0 };
            WriteNode(child, nestedSequence ? indent : indent + 2, inSequence: false, afterKey: true);
        }
    }

    private void WriteSequence(ReadOnlySpan<Value> items, int indent, bool inSequence, bool afterKey)
    {
        if (afterKey)
        {
            _out.Append('\n');
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (!(inSequence && i == 0))
            {
                _out.Append(' ', indent);
            }

            _out.Append("- ");
            var item = items[i];
            if (item is ObjectValue { Count: > 0 } or ArrayValue { Count: > 0 } or SetValue { Count: > 0 })
            {
                WriteNode(item, indent + 2, inSequence: true, afterKey: false);
            }
            else
            {
                WriteScalar(item, indent + 2);
                _out.Append('\n');
            }
        }
    }

    private void WriteScalar(Value value, int indent)
    {
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
                WriteString(s.Value, indent, allowBreaks: true);
                break;
            case ObjectValue:
                _out.Append("{}");
                break;
            default:
                _out.Append("[]");
                break;
        }
    }

    /// <summary>JSON numbers read back by go-yaml: integers stay integers, other numbers are floats.</summary>
    private static string NumberText(NumberValue number)
    {
        var text = GoJsonWriter.NumberText(number);
        if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && integer >= long.MinValue && integer <= ulong.MaxValue)
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        return FloatText(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private void WriteString(string text, int indent, bool allowBreaks)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            WriteLiteral(text, indent);
        }
        else if (GoYamlReader.ResolvePlain(text) is not StringValue || YamlTimestamp.TryNormalize(text, out _) || IsBase60Float(text))
        {
            // It would read back as a number, boolean, null or time (or, in YAML 1.1, a sexagesimal number).
            GoJsonWriter.WriteString(_out, text);
        }
        else if (PlainAllowed(text))
        {
            WriteFolded(text, indent, allowBreaks, quoted: false);
        }
        else
        {
            _out.Append('\'');
            WriteFolded(text, indent, allowBreaks, quoted: true);
            _out.Append('\'');
        }
    }

    /// <summary>
    /// libyaml folds long plain and single-quoted scalars at its 80-column width: at the first space of a run, once
    /// the line is past column 80 and the next character is not a space, it starts a new line at the scalar's indent.
    /// </summary>
    private void WriteFolded(string text, int indent, bool allowBreaks, bool quoted)
    {
        const int BestWidth = 80;
        var column = 0;
        for (var k = _out.Length - 1; k >= 0 && _out[k] != '\n'; k--)
        {
            column++;
        }

        var spaces = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                var inside = !quoted || (i != 0 && i != text.Length - 1);
                if (allowBreaks && !spaces && column > BestWidth && inside && (i + 1 >= text.Length || text[i + 1] != ' '))
                {
                    _out.Append('\n').Append(' ', indent);
                    column = indent;
                }
                else
                {
                    _out.Append(c);
                    column++;
                }

                spaces = true;
                continue;
            }

            if (quoted && c == '\'')
            {
                _out.Append('\'');
                column++;
            }

            _out.Append(c);
            column++;
            spaces = false;
        }
    }

    /// <summary>A literal block: "|-" without a final newline, "|" with one, "|+" with more.</summary>
    private void WriteLiteral(string text, int indent)
    {
        var trailing = text.Length - text.TrimEnd('\n').Length;
        _out.Append('|').Append(trailing switch { 0 => "-", 1 => "", _ => "+" });
        if (text.StartsWith(' '))
        {
            _out.Insert(_out.Length - (trailing == 1 ? 0 : 1), "2");
        }

        var body = trailing == 0 ? text : text[..^1];
        foreach (var line in body.Split('\n'))
        {
            _out.Append('\n');
            if (line.Length > 0)
            {
                _out.Append(' ', Math.Max(indent, 2)).Append(line);
            }
        }
    }

    /// <summary>YAML 1.1 base-60 numbers such as 1:20 or 190:20:30.15, which go-yaml quotes.</summary>
    private static bool IsBase60Float(string text)
    {
        var i = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        var groups = 0;
        while (i < text.Length && text[i] == ':')
        {
            var start = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 2)
            {
                i++;
            }

            if (i == start || (i - start == 2 && text[start] > '5'))
            {
                return false;
            }

            groups++;
        }

        if (groups > 0 && i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }
        }

        return groups > 0 && i == text.Length;
    }

    /// <summary>libyaml's test for a plain scalar in block context, simplified to the cases that matter.</summary>
    private static bool PlainAllowed(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ' || text.EndsWith(':'))
        {
            return false;
        }

        if ("#,[]{}&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal))
        {
            return false;
        }

        if (text[0] is '-' or '?' or ':' && (text.Length == 1 || text[1] == ' '))
        {
            return false;
        }

        if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal)
            && !text.Any(c => c < 0x20 || c == 0x7F || c == '\uFEFF');
    }
}
