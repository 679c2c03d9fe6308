using System.Globalization;
using System.Text.RegularExpressions;

namespace Palisade.Policy.Verification;

/// <summary>
/// Durations as Go writes and reads them (<c>1.234ms</c>, <c>56.7µs</c>, <c>1m30s</c>): how <c>opa test</c> shows them and
/// how its <c>--timeout</c> flag takes them.
/// </summary>
public static partial class GoDuration
{
    /// <summary>Parses <c>5s</c>, <c>500ms</c>, <c>1m30s</c>, <c>2h</c>; null when the text is not such a duration.</summary>
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || text.Trim().Length == 0)
        {
            return null;
        }

        var total = 0m;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = Unit().Match(part.Value);
            var number = decimal.Parse(part.Value[..unit.Index], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            total += number * unit.Value switch
            {
                "ns" => 1m,
                "us" or "µs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                _ => 3_600_000_000_000m,
            };
        }

        return TimeSpan.FromTicks((long)(total / 100));
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(ns|us|µs|ms|s|m|h)$")]
    private static partial Regex Unit();

    public static string Format(TimeSpan duration)
    {
        var nanoseconds = duration.Ticks * 100;
        return nanoseconds switch
        {
            0 => "0s",
            < 1_000 => nanoseconds.ToString(CultureInfo.InvariantCulture) + "ns",
            < 1_000_000 => Scaled(nanoseconds, 1_000) + "µs",
            < 1_000_000_000 => Scaled(nanoseconds, 1_000_000) + "ms",
            _ => Scaled(nanoseconds, 1_000_000_000) + "s",
        };
    }

    private static string Scaled(long nanoseconds, long unit) =>
        ((decimal)nanoseconds / unit).ToString("0.#########", CultureInfo.InvariantCulture);
}
