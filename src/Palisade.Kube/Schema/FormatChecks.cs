using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Palisade.Kube.Networking;

namespace Palisade.Kube.Schema;

/// <summary>
/// The OpenAPI <c>format</c>s Palisade checks. Integer widths matter because Calico's Go types reject an int32 field
/// that overflows even where the API server's schema check does not; the string formats are those the API server
/// checks. Any other format is accepted unchecked, as the API server does with formats it does not know.
/// </summary>
internal static partial class FormatChecks
{
    /// <summary>Null when the integer fits the format, else what is wrong.</summary>
    public static string? CheckInteger(string format, BigInteger value) => format switch
    {
        "int32" when value < int.MinValue || value > int.MaxValue => "is out of range for int32",
        "int64" when value < long.MinValue || value > long.MaxValue => "is out of range for int64",
        _ => null,
    };

    /// <summary>Null when the string has the format (or the format is not one Palisade checks), else what is wrong.</summary>
    public static string? CheckString(string format, string value) => format switch
    {
        "date-time" when !IsDateTime(value) => "is not an RFC 3339 date-time (like 2024-05-01T12:00:00Z)",
        "date" when !IsDate(value) => "is not an RFC 3339 date (like 2024-05-01)",
        "ipv4" when !(Cidr.TryParseLenient(value + "/32", out var c4, out _) && !c4.IsIPv6) => "is not an IPv4 address",
        "ipv6" when !(Cidr.TryParseLenient(value + "/128", out var c6, out _) && c6.IsIPv6) => "is not an IPv6 address",
        "cidr" when !Cidr.TryParseLenient(value, out _, out _) => "is not a CIDR (like 10.0.0.0/8)",
        "byte" when !IsBase64(value) => "is not base64-encoded",
        _ => null,
    };

    private static bool IsDateTime(string value)
    {
        var match = DateTimePattern().Match(value);
        return match.Success
            && IsDate(match.Groups["date"].Value)
            && int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) < 24
            && int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) < 60
            && int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) <= 60;
    }

    private static bool IsDate(string value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsBase64(string value) => value.Length % 4 == 0 && Convert.TryFromBase64String(value, new byte[value.Length], out _);

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?<h>[0-9]{2}):(?<m>[0-9]{2}):(?<s>[0-9]{2})(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.NonBacktracking)]
    private static partial Regex DateTimePattern();
}
