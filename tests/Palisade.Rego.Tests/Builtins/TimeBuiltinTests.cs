using Palisade.Rego.Builtins;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

public sealed class TimeBuiltinTests
{
    [Fact]
    public void NowIsTheQueryClock()
    {
        var context = Context();
        Assert.Equal(N(FixedNow.ToUnixTimeMilliseconds() * 1_000_000), Call(context, "time.now_ns"));
        Assert.Equal(Call(context, "time.now_ns"), Call(context, "time.now_ns"));
    }

    [Theory]
    [InlineData("100ms", 100_000_000)]
    [InlineData("1h2m3s", 3_723_000_000_000)]
    [InlineData("-1.5h", -5_400_000_000_000)]
    [InlineData("0", 0)]
    [InlineData("1.000000001s", 1_000_000_001)]
    [InlineData("3\u00b5s", 3_000)]
    [InlineData("2562047h47m16.854775807s", long.MaxValue)]
    public void ParsesGoDurations(string text, long expected) =>
        Assert.Equal(N(expected), Call("time.parse_duration_ns", S(text)));

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("1", "time: missing unit in duration \"1\"")]
    [InlineData("1x", "time: unknown unit \"x\" in duration \"1x\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    public void RejectsBadDurations(string text, string message) => Fails("time.parse_duration_ns", message, S(text));

    [Fact]
    public void DateInZones()
    {
        Assert.Equal(J("[2018, 2, 4]"), Call("time.date", A(N(1517814000L * 1_000_000_000), S("America/Los_Angeles"))));
        Assert.Equal(J("[2020, 2, 29]"), Call("time.date", N(1582977600L * 1_000_000_000)));
        Assert.Equal(J("[1677, 9, 21]"), Call("time.date", N(long.MinValue)));
    }

    [Fact]
    public void ClockInZones()
    {
        Assert.Equal(J("[12, 0, 0]"), Call("time.clock", N(1517832000L * 1_000_000_000)));
        Assert.Equal(J("[7, 0, 0]"), Call("time.clock", A(N(1517832000L * 1_000_000_000), S("America/New_York"))));
        Assert.Equal(J("[12, 0, 0]"), Call("time.clock", N(1582977600L * 1_000_000_000)));
    }

    [Theory]
    [InlineData(1517832000000000000, "Monday")]
    [InlineData(1517918400000000000, "Tuesday")]
    [InlineData(1518004800000000000, "Wednesday")]
    [InlineData(1518177600000000000, "Friday")]
    [InlineData(1518264000000000000, "Saturday")]
    [InlineData(1518350400000000000, "Sunday")]
    [InlineData(-1, "Wednesday")]
    public void Weekdays(long nanos, string expected) => Assert.Equal(S(expected), Call("time.weekday", N(nanos)));

    [Theory]
    [InlineData("time.date")]
    [InlineData("time.clock")]
    [InlineData("time.weekday")]
    public void TimestampsBeyondInt64AreTooBig(string name)
    {
        Fails(name, "timestamp too big", N("1582977600000000000000"));
        Fails(name, "timestamp too big", N("1.5"));
    }

    [Fact]
    public void TimestampArgumentsAreTyped()
    {
        var error = Fails("time.date", "operand 1 must be either number (ns) or [number (ns), string (tz)] but got string", S("x"));
        Assert.IsType<BuiltinTypeException>(error);
        Fails("time.date", "operand 1 must be string but got number", A(N(0), N(1)));
        Fails("time.date", "unknown time zone Nowhere/Special", A(N(0), S("Nowhere/Special")));
    }

    [Fact]
    public void AddDateNormalisesAsGo()
    {
        Assert.Equal(N(1705257221593912000), Call("time.add_date", N(1585852421593912000), N(3), N(9), N(12)));
        Assert.Equal(N(1551465221593912000), Call("time.add_date", N(1585852421593912000), N(-1), N(-1), N(-1)));
        Assert.Equal(N(1775433600000000000), Call("time.add_date", N(1738368000000000000), N(1), N(2), N(5)));

        // January 31st plus a month is March 2nd (or 3rd), as Go overflows the day.
        var jan31 = 1706659200L * 1_000_000_000;
        Assert.Equal(J("[2024, 3, 2]"), Call("time.date", Call("time.add_date", N(jan31), N(0), N(1), N(0))!));
    }

    [Fact]
    public void AddDateOutsideTheNanosecondRangeFails()
    {
        Fails("time.add_date", "time outside of valid range", N(0), N(2262), N(1), N(1));
        Fails("time.add_date", "time outside of valid range", N(long.MinValue), N(0), N(0), N(-1));
        Fails("time.add_date", "operand 2 must be integer number but got floating-point number", N(0), N("1.5"), N(0), N(0));

        // OPA reads the number's text as an integer, so integral values written as decimals are refused too.
        Fails("time.add_date", "operand 3 must be integer number but got floating-point number", N(0), N(1), N("1.0"), N(0));
    }

    [Fact]
    public void DiffCountsCalendarUnits()
    {
        var now = 1_700_000_000L * 1_000_000_000;
        Assert.Equal(J("[0,0,0,0,1,1]"), Call("time.diff", N(now + 61_000_000_000), N(now)));
        Assert.Equal(J("[0,0,0,0,1,0]"), Call("time.diff", A(N(now + 60_000_000_000), S("UTC")), A(N(now), S("Asia/Shanghai"))));
        Assert.Equal(J("[0,0,28,0,0,0]"), Call("time.diff", ParseDay("2020-02-02"), ParseDay("2020-03-01")));
        Assert.Equal(J("[0,0,27,0,0,0]"), Call("time.diff", ParseDay("2021-02-02"), ParseDay("2021-03-01")));
        Assert.Equal(J("[1,0,1,0,0,0]"), Call("time.diff", ParseDay("2004-02-29"), ParseDay("2005-03-01")));
    }

    private static Value ParseDay(string day) => Call("time.parse_ns", S("2006-01-02"), S(day))!;

    [Theory]
    [InlineData("2006-01-02T15:04:05Z07:00", "2017-06-02T19:00:00-07:00", 1496455200000000000)]
    [InlineData("2006-01-02T15:04:05Z07:00", "1970-01-01T00:00:00Z", 0)]
    [InlineData("2006-01-02T15:04:05.999999999Z07:00", "1970-01-01T00:00:01.5+00:00", 1_500_000_000)]
    [InlineData("2006-01-02T15:04:05Z07:00", "1970-01-01T00:00:01.25Z", 1_250_000_000)]
    [InlineData("Mon Jan _2 15:04:05 2006", "Thu Jan  1 00:01:00 1970", 60_000_000_000)]
    [InlineData("02 Jan 06 15:04 MST", "01 Jan 70 00:00 UTC", 0)]
    [InlineData("2006-01-02 15:04:05.000 -0700", "1970-01-01 01:00:00.250 +0100", 250_000_000)]
    [InlineData("Jan _2 2006", "Jan  2 1970", 86_400_000_000_000)]
    [InlineData("02/01/2006 3:04:05 pm", "02/01/1970 1:00:00 pm", 86_400_000_000_000 + 13 * 3_600_000_000_000)]
    [InlineData("2006-002", "1970-032", 31 * 86_400_000_000_000)]
    [InlineData("Monday, 02-Jan-06 15:04:05 MST", "Friday, 02-Jan-70 00:00:00 UTC", 86_400_000_000_000)]
    [InlineData("2006-01-02T15:04:05Z07:00", "1970-01-01T05:30:00+05:30", 0)]
    [InlineData("January 2, 2006", "february 1, 1970", 31 * 86_400_000_000_000)]
    public void ParsesGoLayouts(string layout, string value, long expected) =>
        Assert.Equal(N(expected), Call("time.parse_ns", S(layout), S(value)));

    [Fact]
    public void LayoutsWithoutADateAreInYearZero() =>
        Fails("time.parse_ns", "time outside of valid range", S("3:04PM"), S("12:00AM"));

    [Theory]
    [InlineData("2006-01-02", "2021-13-01", "parsing time \"2021-13-01\": month out of range")]
    [InlineData("2006-01-02", "2021-02-30", "parsing time \"2021-02-30\": day out of range")]
    [InlineData("2006-01-02", "21-02-01", "parsing time \"21-02-01\" as \"2006-01-02\": cannot parse \"21-02-01\" as \"2006\"")]
    [InlineData("2006-01-02", "2021-02-01x", "parsing time \"2021-02-01x\": extra text: \"x\"")]
    [InlineData("2006-01-02", "2021/02/01", "parsing time \"2021/02/01\" as \"2006-01-02\": cannot parse \"/02/01\" as \"-\"")]
    public void ReportsGoParseErrors(string layout, string value, string message) =>
        Fails("time.parse_ns", message, S(layout), S(value));

    [Fact]
    public void ParsesRfc3339()
    {
        Assert.Equal(N(1_000_000_001), Call("time.parse_rfc3339_ns", S("1970-01-01T00:00:01.000000001Z")));
        Fails("time.parse_rfc3339_ns", "time outside of valid range", S("2300-01-01T00:00:00Z"));
    }

    [Theory]
    [InlineData("[1500000000000000000]", "2017-07-14T02:40:00Z")]
    [InlineData("[1500000000123000000, \"UTC\"]", "2017-07-14T02:40:00.123Z")]
    [InlineData("[1500000000000000000, \"Europe/Paris\"]", "2017-07-14T04:40:00+02:00")]
    [InlineData("[1500000000000000000, \"America/New_York\", \"Mon Jan _2 15:04:05 -0700 2006\"]", "Thu Jul 13 22:40:00 -0400 2017")]
    [InlineData("[1500000000000000000, \"UTC\", \"RFC1123\"]", "Fri, 14 Jul 2017 02:40:00 UTC")]
    [InlineData("[1500000000000000000, \"UTC\", \"Kitchen\"]", "2:40AM")]
    [InlineData("[1500000000000000000, \"America/New_York\", \"RFC1123\"]", "Thu, 13 Jul 2017 22:40:00 EDT")]
    [InlineData("[1484000000000000000, \"America/New_York\", \"UnixDate\"]", "Mon Jan  9 17:13:20 EST 2017")]
    [InlineData("[1500000000000000000, \"Europe/Paris\", \"MST\"]", "CEST")]
    [InlineData("[1500000000000000000, \"Asia/Kolkata\", \"MST -07:00\"]", "IST +05:30")]
    [InlineData("[4102444800000000000, \"Europe/London\", \"MST\"]", "GMT")]
    [InlineData("[1500000000000000000, \"UTC\", \"StampMilli\"]", "Jul 14 02:40:00.000")]
    [InlineData("[1500000000000000000, \"UTC\", \"2006-01-02 __2 002 Z07:00:00\"]", "2017-07-14 195 195 Z")]
    public void FormatsGoLayouts(string argument, string expected)
    {
        var value = (ArrayValue)J(argument);
        Assert.Equal(S(expected), Call("time.format", value.Count == 1 ? value[0] : value));
    }
}
