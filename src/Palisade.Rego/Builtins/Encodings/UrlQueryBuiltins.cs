using System.Text;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>urlquery.*: Go's url.QueryEscape, QueryUnescape, Values.Encode and ParseQuery.</summary>
internal static class UrlQueryBuiltins
{
    private static readonly RegoType QueryObject = RegoType.ObjectOf(
        RegoType.String,
        RegoType.AnyOf(RegoType.String, RegoType.ArrayOf(RegoType.String), RegoType.SetOf(RegoType.String)));

    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return Base64Builtins.StringToString("urlquery.encode", Escape);
        yield return Base64Builtins.StringToString("urlquery.decode", Unescape);
        yield return new BuiltinFunction(
            "urlquery.encode_object",
            FunctionSignature.Of(RegoType.String, QueryObject),
            (_, args) => StringValue.Of(EncodeObject(args[0])));
        yield return new BuiltinFunction(
            "urlquery.decode_object",
            FunctionSignature.Of(RegoType.ObjectOf(RegoType.String, RegoType.ArrayOf(RegoType.String)), RegoType.String),
            (_, args) => DecodeObject(Operands.String(args, 0).Value));
    }

    /// <summary>Unreserved characters stay, spaces become '+', every other byte is %XX.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Base64Builtins.Utf8(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else if (b == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string text)
    {
        var src = Base64Builtins.Utf8(text);
        var bytes = new List<byte>(src.Length);
        for (var i = 0; i < src.Length; i++)
        {
            switch (src[i])
            {
                case (byte)'%':
                    if (i + 2 >= src.Length || !IsHex(src[i + 1]) || !IsHex(src[i + 2]))
                    {
                        var bad = src.AsSpan(i, Math.Min(3, src.Length - i));
                        throw new BuiltinException($"invalid URL escape {GoQuote.Quote(Base64Builtins.Text(bad.ToArray()))}");
                    }

                    bytes.Add(Convert.ToByte(System.Text.Encoding.ASCII.GetString(src, i + 1, 2), 16));
                    i += 2;
                    break;
                case (byte)'+':
                    bytes.Add((byte)' ');
                    break;
                default:
                    bytes.Add(src[i]);
                    break;
            }
        }

        return Base64Builtins.Text([.. bytes]);
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static string EncodeObject(Value value)
    {
        var obj = value as ObjectValue ?? throw Operands.Mismatch(0, "object", value);
        var pairs = new List<(string Key, string Value)>();
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.Keys[i] is StringValue s ? s.Value : ValueJson.Serialize(obj.Keys[i]);
            switch (obj.Values[i])
            {
                case StringValue single:
                    pairs.Add((key, single.Value));
                    break;
                case ArrayValue or SetValue:
                    var items = obj.Values[i] is ArrayValue a ? a.Items : ((SetValue)obj.Values[i]).Items;
                    foreach (var item in items)
                    {
                        pairs.Add((key, (item as StringValue ?? throw BadValues()).Value));
                    }

                    break;
                default:
                    throw BadValues();
            }
        }

        // Go sorts by key (bytewise) and keeps each key's values in order.
        return string.Join('&', pairs
            .Select((p, index) => (p, index))
            .OrderBy(x => x.p.Key, StringComparer.Ordinal)
            .ThenBy(x => x.index)
            .Select(x => Escape(x.p.Key) + "=" + Escape(x.p.Value)));

        static BuiltinTypeException BadValues() => new("operand 1 values must be string, array[string], or set[string]");
    }

    private static ObjectValue DecodeObject(string query)
    {
        var keys = new List<string>();
        var values = new Dictionary<string, List<Value>>(StringComparer.Ordinal);
        BuiltinException? firstError = null;
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (part.Contains(';', StringComparison.Ordinal))
            {
                firstError ??= new BuiltinException("invalid semicolon separator in query");
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            string key, value;
            try
            {
                key = Unescape(equals < 0 ? part : part[..equals]);
                value = Unescape(equals < 0 ? "" : part[(equals + 1)..]);
            }
            catch (BuiltinException e)
            {
                firstError ??= e;
                continue;
            }

            if (!values.TryGetValue(key, out var list))
            {
                keys.Add(key);
                values[key] = list = [];
            }

            list.Add(StringValue.Of(value));
        }

        if (firstError is not null)
        {
            throw firstError;
        }

        return ObjectValue.Of(keys.Select(k => new KeyValuePair<Value, Value>(StringValue.Of(k), ArrayValue.Of(values[k]))));
    }
}
