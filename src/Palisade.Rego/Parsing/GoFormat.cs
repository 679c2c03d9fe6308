using System.Globalization;
using Palisade.Rego.Values;

namespace Palisade.Rego.Parsing;

/// <summary>
/// Go's <c>%s</c> of a value decoded from YAML into <c>any</c>, as OPA's annotation errors print the offending entry:
/// strings bare, maps as <c>map[k:v]</c> with sorted keys, lists as <c>[a b]</c>, and Go's <c>%!s(type=value)</c>
/// for the rest.
/// </summary>
internal static class GoFormat
{
    public static string Verb(Value value) => value switch
    {
        StringValue s => s.Value,
        NullValue => "%!s(<nil>)",
        BooleanValue b => $"%!s(bool={(b.Value ? "true" : "false")})",
        NumberValue { IsInteger: true } n => $"%!s(int={n.AsBigInteger})",
        NumberValue n => $"%!s(float64={Float(n.AsDouble)})",
        ArrayValue a => "[" + string.Join(' ', a.Items.ToArray().Select(Verb)) + "]",
        ObjectValue o => "map[" + string.Join(' ', o.Entries
            .Select(e => (Key: e.Key is StringValue k ? k.Value : Verb(e.Key), e.Value))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}:{Verb(e.Value)}")) + "]",
        _ => value.ToString(),
    };

    /// <summary>Go's <c>%v</c> of a float64: the shortest text that reads back, exponents as <c>e+21</c>.</summary>
    private static string Float(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = text[(e + 1)..];
        var sign = exponent[0] is '-' or '+' ? exponent[0] : '+';
        var digits = exponent.TrimStart('-', '+').PadLeft(2, '0');
        return $"{text[..e]}e{sign}{digits}";
    }
}
