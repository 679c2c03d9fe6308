using System.Numerics;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Units;

/// <summary>
/// units.parse (SI and binary suffixes, "m" for milli) and units.parse_bytes (byte suffixes, case-insensitive,
/// truncated to whole bytes). Like OPA, their error messages carry the builtin's name themselves.
/// </summary>
internal static class UnitsBuiltins
{
    private const int MaxExponentDigits = 6;

    // "" is plain bytes; then k, m, g, t, p, e with optional "b" (powers of 1000) or "i"/"ib" (powers of 1024).
    private static readonly Dictionary<string, BigInteger> ByteUnits = BuildByteUnits();

    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "units.parse",
            FunctionSignature.Of(RegoType.Number, RegoType.String),
            (_, args) => Parse(Operands.String(args, 0).Value));
        yield return new BuiltinFunction(
            "units.parse_bytes",
            FunctionSignature.Of(RegoType.Number, RegoType.String),
            (_, args) => ParseBytes(Operands.String(args, 0).Value));
    }

    private static NumberValue Parse(string raw)
    {
        var text = raw.Replace("\"", "", StringComparison.Ordinal);
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            throw Error("units.parse", "spaces not allowed in resource strings");
        }

        var (number, unit) = Split(text) ?? throw Error("units.parse", "exponent too large");
        if (number.Length == 0)
        {
            throw Error("units.parse", "no amount provided");
        }

        // Only letters after the first are case-insensitive, so that m (milli) and M (mega) differ.
        if (unit.Length > 1)
        {
            unit = unit[..1] + unit[1..].ToLowerInvariant();
        }

        Rational factor = unit switch
        {
            "m" => Rational.Of(0.001),
            "" => Rational.Of(BigInteger.One),
            "k" or "K" => Rational.Of(BigInteger.Pow(1000, 1)),
            "ki" or "Ki" => Rational.Of(BigInteger.Pow(1024, 1)),
            "M" => Rational.Of(BigInteger.Pow(1000, 2)),
            "mi" or "Mi" => Rational.Of(BigInteger.Pow(1024, 2)),
            "g" or "G" => Rational.Of(BigInteger.Pow(1000, 3)),
            "gi" or "Gi" => Rational.Of(BigInteger.Pow(1024, 3)),
            "t" or "T" => Rational.Of(BigInteger.Pow(1000, 4)),
            "ti" or "Ti" => Rational.Of(BigInteger.Pow(1024, 4)),
            "p" or "P" => Rational.Of(BigInteger.Pow(1000, 5)),
            "pi" or "Pi" => Rational.Of(BigInteger.Pow(1024, 5)),
            "e" or "E" => Rational.Of(BigInteger.Pow(1000, 6)),
            "ei" or "Ei" => Rational.Of(BigInteger.Pow(1024, 6)),
            _ => throw Error("units.parse", $"unit {unit} not recognized"),
        };

        if (!Rational.TryParse(number, out var amount))
        {
            throw Error("units.parse", "could not parse amount to a number");
        }

        var result = amount * factor;
        return result.IsInteger ? NumberValue.Of(result.Truncate()) : NumberValue.Parse(result.ToFixed(10));
    }

    private static NumberValue ParseBytes(string raw)
    {
        var text = raw.ToLowerInvariant().Replace("\"", "", StringComparison.Ordinal);
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            throw Error("units.parse_bytes", "spaces not allowed in resource strings");
        }

        var (number, unit) = Split(text) ?? throw Error("units.parse_bytes", "exponent too large");
        if (number.Length == 0)
        {
            throw Error("units.parse_bytes", "no byte amount provided");
        }

        if (!ByteUnits.TryGetValue(unit, out var factor))
        {
            throw Error("units.parse_bytes", $"byte unit {unit} not recognized");
        }

        if (!Rational.TryParse(number, out var amount))
        {
            throw Error("units.parse_bytes", "could not parse byte amount to a number");
        }

        return NumberValue.Of((amount * Rational.Of(factor)).Truncate());
    }

    private static Dictionary<string, BigInteger> BuildByteUnits()
    {
        var units = new Dictionary<string, BigInteger>(StringComparer.Ordinal) { [""] = BigInteger.One };
        var prefixes = "kmgtpe";
        for (var i = 0; i < prefixes.Length; i++)
        {
            var p = prefixes[i].ToString();
            units[p] = units[p + "b"] = BigInteger.Pow(1000, i + 1);
            units[p + "i"] = units[p + "ib"] = BigInteger.Pow(1024, i + 1);
        }

        return units;
    }

    private static BuiltinException Error(string name, string message) => new($"{name}: {message}");

    /// <summary>
    /// The number (digits, points, and an exponent when e is followed by a digit or sign) and the unit after it;
    /// null when the exponent has too many digits.
    /// </summary>
    private static (string Number, string Unit)? Split(string text)
    {
        var end = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c) && c != '.' && c is not ('e' or 'E' or '+' or '-'))
            {
                end = i;
                break;
            }

            if (c is 'e' or 'E')
            {
                if (i == text.Length - 1 || !(char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '+' or '-'))
                {
                    end = i;
                    break;
                }

                if (text[i + 1] is '+' or '-')
                {
                    i++;
                }

                var digits = 0;
                while (i + 1 + digits < text.Length && char.IsAsciiDigit(text[i + 1 + digits]))
                {
                    digits++;
                }

                if (digits > MaxExponentDigits)
                {
                    return null;
                }
            }
        }

        return end switch
        {
            -1 => (text, ""),
            0 => ("", text),
            _ => (text[..end], text[end..]),
        };
    }
}
