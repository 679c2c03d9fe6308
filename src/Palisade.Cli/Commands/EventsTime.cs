using System.Globalization;
using System.Text.RegularExpressions;

namespace Palisade.Cli.Commands;

/// <summary>
/// The moment a <c>--since</c> or <c>--until</c> of <c>palisade events</c> names: a duration back from now
/// (<c>30m</c>, <c>2h</c>, <c>7d</c>, <c>1h30m</c>; units s, m, h, d, w) or an RFC 3339 time (<c>2026-11-23T10:00:00Z</c>).
/// </summary>
internal static partial class EventsTime
{
    /// <summary>The moment, or null when the text is neither a duration nor an RFC 3339 time.</summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now)
    {
        if (DurationText.Parse(text) is { } duration)
        {
            return now - duration;
        }

        if (!OffsetPattern().IsMatch(text))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }

    // RFC 3339 requires the offset; a time without one would silently depend on the machine's time zone.
    [GeneratedRegex(@"(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();
}
