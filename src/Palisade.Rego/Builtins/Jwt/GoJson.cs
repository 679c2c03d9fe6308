using System.Globalization;
using System.Text;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Jwt;

/// <summary>
/// Go's <c>json.Marshal</c> of a Rego value, byte for byte: compact, object keys in code-point order, sets as
/// arrays, and &lt; &gt; &amp; U+2028 U+2029 escaped as Go escapes them. Signed tokens depend on these exact bytes.
/// </summary>
internal static class GoJson
{
    public static string Marshal(Value value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, Value value)
    {
        switch (value)
        {
            case NullValue:
                builder.Append("null");
                break;
            case BooleanValue b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case NumberValue n:
                builder.Append(n.Text);
                break;
            case StringValue s:
                WriteString(builder, s.Value);
                break;
            case ArrayValue a:
                WriteItems(builder, a.Items);
                break;
            case SetValue s:
                WriteItems(builder, s.Items);
                break;
            case ObjectValue o:
                // Go sorts map keys by their bytes; UTF-8 byte order is code-point order.
                var entries = o.Entries.Select(e => (Key: e.Key is StringValue k ? k.Value : e.Key.ToString(), e.Value))
                    .OrderBy(e => e.Key, Comparer<string>.Create(StringValue.CompareCodePoints));
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in entries)
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, item);
                }

                builder.Append('}');
                break;
        }
    }

    private static void WriteItems(StringBuilder builder, ReadOnlySpan<Value> items)
    {
        builder.Append('[');
        for (var i = 0; i < items.Length; i++)
        {
            builder.Append(i == 0 ? "" : ",");
            Write(builder, items[i]);
        }

        builder.Append(']');
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
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
                case < 0x20 or '<' or '>' or '&' or 0x2028 or 0x2029:
                    builder.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(rune.ToString());
                    break;
            }
        }

        builder.Append('"');
    }
}
