using System.Globalization;
using System.Text.RegularExpressions;

namespace Palisade.Cli.Commands;

/// <summary>Durations as flags take them: <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>7d</c>, <c>1h30m</c> (units s, m, h, d, w).</summary>
internal static partial class DurationText
{
    /// <summary>The duration, or null when the text is not one.</summary>
    public static TimeSpan? Parse(string text)
    {
        if (DurationPattern().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Capture capture in match.Groups["part"].Captures)
        {
            var unit = capture.Value[^1];
            if (!long.TryParse(capture.Value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 1_000_000)
            {
                return null;
            }

            total += unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => TimeSpan.FromDays(7 * amount),
            };
        }

        return total;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+[smhdw])+$")]
    private static partial Regex DurationPattern();
}
