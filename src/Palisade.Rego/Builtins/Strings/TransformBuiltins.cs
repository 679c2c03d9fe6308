using System.Globalization;
using System.Numerics;
using System.Text;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>Builtins that make new strings: concat, case, replace, split, substring, reverse, format_int.</summary>
internal static class TransformBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "concat",
            FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.AnyOf(RegoType.SetOf(RegoType.String), RegoType.ArrayOf(RegoType.String))),
            (_, args) => StringValue.Of(string.Join(Operands.String(args, 0).Value, Operands.Strings(args, 1))));
        yield return OneString("lower", s => s.ToLowerInvariant());
        yield return OneString("upper", s => s.ToUpperInvariant());
        yield return OneString("strings.reverse", Reverse);
        yield return new BuiltinFunction(
            "replace",
            FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.String, RegoType.String),
            (_, args) => StringValue.Of(Replace(Operands.String(args, 0).Value, [(Operands.String(args, 1).Value, Operands.String(args, 2).Value)])));
        yield return new BuiltinFunction(
            "strings.replace_n",
            FunctionSignature.Of(RegoType.String, RegoType.ObjectOf(RegoType.String, RegoType.String), RegoType.String),
            (_, args) => ReplaceN(args));
        yield return new BuiltinFunction(
            "split",
            FunctionSignature.Of(RegoType.ArrayOf(RegoType.String), RegoType.String, RegoType.String),
            (_, args) => Split(Operands.String(args, 0).Value, Operands.String(args, 1).Value));
        yield return new BuiltinFunction(
            "substring",
            FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.Number, RegoType.Number),
            (_, args) => Substring(Operands.String(args, 0).Value, Operands.SaturatedInt(args, 1), Operands.SaturatedInt(args, 2)));
        yield return new BuiltinFunction(
            "format_int",
            FunctionSignature.Of(RegoType.String, RegoType.Number, RegoType.Number),
            (_, args) => FormatInt(Operands.Number(args, 0), Operands.Number(args, 1)));
    }

    private static BuiltinFunction OneString(string name, Func<string, string> body) =>
        new(name, FunctionSignature.Of(RegoType.String, RegoType.String), (_, args) => StringValue.Of(body(Operands.String(args, 0).Value)));

    private static string Reverse(string text)
    {
        var runes = Runes.Of(text);
        Array.Reverse(runes);
        return Runes.ToText(runes);
    }

    private static StringValue ReplaceN(ReadOnlySpan<Value> args)
    {
        var patterns = Operands.Object(args, 0);
        var text = Operands.String(args, 1).Value;
        var pairs = new List<(string Old, string New)>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            var key = patterns.Keys[i] as StringValue ?? throw new BuiltinTypeException("operand 1 non-string key found in pattern object");
            var value = patterns.Values[i] as StringValue ?? throw new BuiltinTypeException("operand 1 non-string value found in pattern object");
            pairs.Add((key.Value, value.Value));
        }

        // Keys are already in OPA's order, which decides which pattern wins where several match.
        return StringValue.Of(Replace(text, pairs));
    }

    /// <summary>
    /// Go's strings.Replacer: scanning left to right, the first pair (in order) whose old text starts here is
    /// replaced, and scanning resumes after it. An empty old text matches between code points, but not twice in a row.
    /// </summary>
    internal static string Replace(string text, IReadOnlyList<(string Old, string New)> pairs)
    {
        if (pairs.Count == 1 && pairs[0].Old.Length > 0)
        {
            return text.Replace(pairs[0].Old, pairs[0].New, StringComparison.Ordinal);
        }

        var builder = new StringBuilder(text.Length);
        var previousEmpty = false;
        for (var i = 0; i <= text.Length;)
        {
            var matched = -1;
            for (var p = 0; p < pairs.Count; p++)
            {
                var old = pairs[p].Old;
                if ((old.Length > 0 || !previousEmpty) && string.CompareOrdinal(text, i, old, 0, old.Length) == 0 && i + old.Length <= text.Length)
                {
                    matched = p;
                    break;
                }
            }

            if (matched >= 0)
            {
                builder.Append(pairs[matched].New);
                i += pairs[matched].Old.Length;
                previousEmpty = pairs[matched].Old.Length == 0;
                continue;
            }

            previousEmpty = false;
            if (i < text.Length)
            {
                var width = Runes.WidthAt(text, i);
                builder.Append(text, i, width);
                i += width;
            }
            else
            {
                break;
            }
        }

        return builder.ToString();
    }

    private static ArrayValue Split(string text, string delimiter)
    {
        if (delimiter.Length == 0)
        {
            // Go splits into code points; an empty text gives no parts at all.
            return ArrayValue.Of(text.EnumerateRunes().Select(r => (Value)StringValue.Of(r.ToString())));
        }

        return ArrayValue.Of(text.Split(delimiter).Select(part => (Value)StringValue.Of(part)));
    }

    private static StringValue Substring(string text, int start, int length)
    {
        if (start < 0)
        {
            throw new BuiltinException("negative offset");
        }

        var runes = Runes.Of(text);
        if (start >= runes.Length)
        {
            return StringValue.Empty;
        }

        var end = length < 0 ? runes.Length : (int)Math.Min(runes.Length, (long)start + length);
        return StringValue.Of(Runes.ToText(runes.AsSpan(start, end - start)));
    }

    private static StringValue FormatInt(NumberValue number, NumberValue baseNumber)
    {
        // OPA compares the base's text, so 2.0 is not a base.
        var radix = baseNumber.Text switch
        {
            "2" => 2,
            "8" => 8,
            "10" => 10,
            "16" => 16,
            _ => throw new BuiltinTypeException("operand 2 must be one of {2, 8, 10, 16}"),
        };

        // Non-integers are truncated toward zero, as Go's big.Float.Int does.
        var integer = number.AsBigInteger ?? new BigInteger(Math.Truncate(number.AsDouble));
        return StringValue.Of(FormatInteger(integer, radix, upper: false));
    }

    /// <summary>An integer in base 2, 8, 10 or 16 with a leading minus sign, as Go's %b, %o, %d, %x print it.</summary>
    internal static string FormatInteger(BigInteger value, int radix, bool upper)
    {
        if (radix == 10)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var negative = value.Sign < 0;
        var magnitude = BigInteger.Abs(value);
        if (magnitude.IsZero)
        {
            return "0";
        }

        var digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        var builder = new StringBuilder();
        while (!magnitude.IsZero)
        {
            builder.Insert(0, digits[(int)(magnitude % radix)]);
            magnitude /= radix;
        }

        return negative ? "-" + builder : builder.ToString();
    }
}
