using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Palisade.Kube.Manifests;

/// <summary>
/// Resolves plain (unquoted) YAML scalars to a type with the YAML 1.2 core schema, the schema
/// Kubernetes' JSON-compatible YAML reading agrees with for every value a manifest normally holds.
/// </summary>
public static partial class ScalarResolver
{
    public static ScalarNode ResolvePlain(SourceLocation location, string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarNode.Null(location, text);
            case "true" or "True" or "TRUE":
                return ScalarNode.Bool(location, true, text);
            case "false" or "False" or "FALSE":
                return ScalarNode.Bool(location, false, text);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return ScalarNode.Float(location, double.PositiveInfinity, text);
            case "-.inf" or "-.Inf" or "-.INF":
                return ScalarNode.Float(location, double.NegativeInfinity, text);
            case ".nan" or ".NaN" or ".NAN":
                return ScalarNode.Float(location, double.NaN, text);
        }

        if (DecimalInteger().IsMatch(text))
        {
            return ScalarNode.Integer(location, BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), text);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(text.AsSpan(2)))
        {
            return ScalarNode.Integer(location, BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), text);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(text.AsSpan(2)))
        {
            var value = BigInteger.Zero;
            foreach (var digit in text.AsSpan(2))
            {
                value = (value * 8) + (digit - '0');
            }

            return ScalarNode.Integer(location, value, text);
        }

        if (CoreFloat().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return ScalarNode.Float(location, number, text);
        }

        return ScalarNode.String(location, text, quoted: false);
    }

    /// <summary>
    /// True when a string written plain would be read back as something other than that string, by this
    /// schema or by YAML 1.1 readers (yes/no/on/off, sexagesimal numbers…): such strings must be quoted.
    /// </summary>
    public static bool IsAmbiguousAsPlain(string text)
    {
        if (ResolvePlain(default, text).Kind != ScalarKind.String)
        {
            return true;
        }

        return Yaml11Special().IsMatch(text) || NumberLike().IsMatch(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[0-9a-fA-F]+$")]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"^[0-7]+$")]
    private static partial Regex OctalDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex CoreFloat();

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<)$")]
    private static partial Regex Yaml11Special();

    // Anything a YAML 1.1 reader might take for a number: 0b1010, 1_000, 1:30 (base 60), 0777, .5e3 …
    [GeneratedRegex(@"^[-+]?(0b[01_]+|0[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?)$")]
    private static partial Regex NumberLike();
}
