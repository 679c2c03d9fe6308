using System.Globalization;
using System.Text;
using Palisade.Rego.Values;

namespace Palisade.Policy.Reporting;

/// <summary>
/// JSON text as Go's <c>json.Marshal</c> followed by <c>json.Indent(…, "", "\t")</c> writes it, so that output meant
/// to match conftest's matches byte for byte: map keys sorted, <c>&lt; &gt; &amp;</c> escaped as <c>\u003c</c> etc.
/// </summary>
public static class GoJson
{
    /// <summary>A JSON member list whose order is kept (Go structs keep field order; maps are sorted by the caller).</summary>
    public sealed record Members(IReadOnlyList<(string Name, object Value)> Items);

    /// <summary>Writes a tree of <see cref="Members"/>, lists, strings, ints, bools and Rego values.</summary>
    public static string Indented(object value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    public static Members Object(params (string Name, object Value)[] items) => new(items);

    public static Members Object(Rego.Values.ObjectValue value) =>
        new(value.Entries.Select(e => (Key(e.Key), (object)e.Value)).OrderBy(e => e.Item1, StringComparer.Ordinal).ToList());

    private static void Write(StringBuilder builder, object value, int depth)
    {
        // The same bound as every other JSON Palisade writes from Rego values: an error, never a stack overflow.
        if (depth > ValueJson.MaxWriteDepth + 16)
        {
            throw new InvalidDataException($"the value nests deeper than {ValueJson.MaxWriteDepth} levels and cannot be written as JSON");
        }

        switch (value)
        {
            case Members members:
                WriteContainer(builder, '{', '}', members.Items, depth, (item, d) =>
                {
                    WriteString(builder, item.Name);
                    builder.Append(": ");
                    Write(builder, item.Value, d);
                });
                break;
            case ObjectValue obj:
                Write(builder, Object(obj), depth);
                break;
            case ArrayValue array:
                WriteContainer(builder, '[', ']', array.Items.ToArray(), depth, (item, d) => Write(builder, item, d));
                break;
            case SetValue set:
                WriteContainer(builder, '[', ']', set.Items.ToArray(), depth, (item, d) => Write(builder, item, d));
                break;
            case System.Collections.IEnumerable list and not string:
                WriteContainer(builder, '[', ']', list.Cast<object>().ToList(), depth, (item, d) => Write(builder, item, d));
                break;
            case StringValue s:
                WriteString(builder, s.Value);
                break;
            case string s:
                WriteString(builder, s);
                break;
            case NumberValue n:
                builder.Append(n.Text);
                break;
            case int i:
                builder.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case BooleanValue b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case NullValue or null:
                builder.Append("null");
                break;
            default:
                throw new ArgumentException($"cannot write {value.GetType().Name} as JSON", nameof(value));
        }
    }

    private static void WriteContainer<T>(StringBuilder builder, char open, char close, IReadOnlyList<T> items, int depth, Action<T, int> writeItem)
    {
        builder.Append(open);
        if (items.Count == 0)
        {
            builder.Append(close);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            builder.Append(i == 0 ? "\n" : ",\n").Append('\t', depth + 1);
            writeItem(items[i], depth + 1);
        }

        builder.Append('\n').Append('\t', depth).Append(close);
    }

    private static string Key(Value key) => key is StringValue s ? s.Value : ValueJson.Serialize(key);

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
