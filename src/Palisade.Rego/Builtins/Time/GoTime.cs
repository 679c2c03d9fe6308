namespace Palisade.Rego.Builtins.Time;

/// <summary>
/// An instant with a location, as Go's <c>time.Time</c> behaves for OPA's time builtins. Go's calendar reaches far
/// beyond .NET's <see cref="DateTime"/> (years 1–9999), so the civil arithmetic here works on plain day counts and
/// .NET is only asked for a zone's UTC offset.
/// </summary>
internal readonly record struct GoTime(long UnixSeconds, int Nanosecond, GoZone Zone)
{
    public const long NanosPerSecond = 1_000_000_000;

    public static GoTime FromUnixNanos(long nanos, GoZone zone) =>
        new(FloorDiv(nanos, NanosPerSecond), (int)FloorMod(nanos, NanosPerSecond), zone);

    /// <summary>Seconds since the epoch of the wall clock in this time's zone.</summary>
    public long LocalSeconds => UnixSeconds + Offset;

    public int Offset => Zone.OffsetAt(UnixSeconds);

    public long LocalDays => FloorDiv(LocalSeconds, 86_400);

    public (long Year, int Month, int Day) Date => CivilFromDays(LocalDays);

    public (int Hour, int Minute, int Second) Clock
    {
        get
        {
            var secondOfDay = (int)FloorMod(LocalSeconds, 86_400);
            return (secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60);
        }
    }

    /// <summary>0 = Sunday, as Go's <c>time.Weekday</c>; the epoch was a Thursday.</summary>
    public int Weekday => (int)FloorMod(LocalDays + 4, 7);

    /// <summary>Day of the year, 1-based.</summary>
    public int YearDay
    {
        get
        {
            var (year, _, _) = Date;
            return (int)(LocalDays - DaysFromCivil(year, 1, 1)) + 1;
        }
    }

    public GoTime In(GoZone zone) => this with { Zone = zone };

    /// <summary>
    /// Go's <c>time.Date</c>: every field may be out of its range and is normalised (month 13 is next January,
    /// day 0 the last of the previous month). Null when the result cannot be held at all.
    /// </summary>
    public static GoTime? Normalise(Int128 year, Int128 month, Int128 day, Int128 hour, Int128 minute, Int128 second, Int128 nanosecond, GoZone zone)
    {
        var m = month - 1;
        year += FloorDiv(m, 12);
        m = FloorMod(m, 12);
        second += FloorDiv(nanosecond, NanosPerSecond);
        nanosecond = FloorMod(nanosecond, NanosPerSecond);
        if (year > 1_000_000_000_000 || year < -1_000_000_000_000)
        {
            return null;
        }

        var days = DaysFromCivil((long)year, (int)m + 1, 1) + day - 1;
        var local = days * 86_400 + hour * 3600 + minute * 60 + second;
        if (local > long.MaxValue / 2 || local < long.MinValue / 2)
        {
            return null;
        }

        // Go looks the offset up as if the wall clock were UTC, then once more at the corrected instant, which settles
        // the wall clocks skipped or repeated by daylight saving the way Go does.
        var wall = (long)local;
        var offset = zone.OffsetAt(wall);
        var unix = wall - offset;
        var corrected = zone.OffsetAt(unix);
        if (corrected != offset)
        {
            unix = wall - corrected;
        }

        return new GoTime(unix, (int)nanosecond, zone);
    }

    /// <summary>Go's <c>UnixNano</c>, or null outside the range an int64 of nanoseconds holds.</summary>
    public long? UnixNanos
    {
        get
        {
            var nanos = (Int128)UnixSeconds * NanosPerSecond + Nanosecond;
            return nanos < long.MinValue || nanos > long.MaxValue ? null : (long)nanos;
        }
    }

    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = FloorDiv(year, 400);
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719_468;
        var era = FloorDiv(days, 146_097);
        var dayOfEra = days - era * 146_097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var mp = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
    }

    public static bool IsLeap(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysIn(int month, long year) => month switch
    {
        2 => IsLeap(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    public static long FloorDiv(long a, long b) => a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);

    public static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;

    public static Int128 FloorDiv(Int128 a, Int128 b) => a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);

    public static Int128 FloorMod(Int128 a, Int128 b) => a - FloorDiv(a, b) * b;
}

/// <summary>A Go location: UTC, a fixed offset, or an IANA zone.</summary>
internal sealed record GoZone(string Name, TimeZoneInfo? Zone, int FixedOffset = 0)
{
    public static readonly GoZone Utc = new("UTC", null);

    private static readonly long MinDateTimeSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds() + 86_400;
    private static readonly long MaxDateTimeSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 86_400;

    public static GoZone Fixed(string name, int offset) => new(name, null, offset);

    /// <summary>OPA's zone names: "" and "UTC" are UTC, "Local" the host's zone, anything else an IANA id.</summary>
    public static GoZone Load(string name)
    {
        switch (name)
        {
            case "" or "UTC":
                return Utc;
            case "Local":
                return new GoZone("Local", TimeZoneInfo.Local);
        }

        // Go refuses names that could escape its zoneinfo directory.
        if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new BuiltinException($"time: invalid location name");
        }

        try
        {
            return new GoZone(name, TimeZoneInfo.FindSystemTimeZoneById(name));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new BuiltinException($"unknown time zone {name}");
        }
    }

    /// <summary>The zone's offset from UTC in seconds at the given instant.</summary>
    public int OffsetAt(long unixSeconds)
    {
        if (Zone is null)
        {
            return FixedOffset;
        }

        // .NET's calendar ends where Go's goes on; the rules at the edges serve beyond them.
        var clamped = Math.Clamp(unixSeconds, MinDateTimeSeconds, MaxDateTimeSeconds);
        return (int)Zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(clamped)).TotalSeconds;
    }

    /// <summary>
    /// The zone's abbreviation at an instant, for Go's "MST" layout element; null when unknown, and Go then prints
    /// the offset instead.
    /// </summary>
    public string? AbbreviationAt(long unixSeconds)
    {
        if (Zone is null)
        {
            return FixedOffset == 0 && Name is "UTC" or "" ? "UTC" : Name.Length > 0 ? Name : null;
        }

        var clamped = Math.Clamp(unixSeconds, MinDateTimeSeconds, MaxDateTimeSeconds);
        var instant = DateTimeOffset.FromUnixTimeSeconds(clamped);
        var id = Zone == TimeZoneInfo.Local && TimeZoneInfo.Local.HasIanaId ? TimeZoneInfo.Local.Id : Zone.Id;
        return TzifAbbreviations.Find(id, unixSeconds, OffsetAt(unixSeconds), Zone.IsDaylightSavingTime(instant));
    }
}
