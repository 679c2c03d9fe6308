using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Time;

/// <summary>The <c>time.*</c> builtins: the query's clock, parsing, and calendar arithmetic with Go's semantics.</summary>
internal static class TimeBuiltins
{
    /// <summary>A timestamp, optionally with a zone name: <c>ns</c> or <c>[ns, "Europe/Paris"]</c>.</summary>
    private static readonly RegoType Timestamp = RegoType.AnyOf(RegoType.Number, RegoType.ArrayOf(RegoType.AnyOf(RegoType.Number, RegoType.String)));

    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("time.now_ns", FunctionSignature.Of(RegoType.Number), NowNanos, Nondeterministic: true),
        new("time.parse_ns", FunctionSignature.Of(RegoType.Number, RegoType.String, RegoType.String), ParseNanos),
        new("time.parse_rfc3339_ns", FunctionSignature.Of(RegoType.Number, RegoType.String), ParseRfc3339Nanos),
        new("time.parse_duration_ns", FunctionSignature.Of(RegoType.Number, RegoType.String), ParseDurationNanos),
        new("time.date", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Number), Timestamp), Date),
        new("time.clock", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Number), Timestamp), Clock),
        new("time.weekday", FunctionSignature.Of(RegoType.String, Timestamp), Weekday),
        new("time.add_date", FunctionSignature.Of(RegoType.Number, RegoType.Number, RegoType.Number, RegoType.Number, RegoType.Number), AddDate),
        new("time.diff", FunctionSignature.Of(RegoType.ArrayOf(RegoType.Number), Timestamp, Timestamp), Diff),
        new("time.format", FunctionSignature.Of(RegoType.String, RegoType.AnyOf(RegoType.Number, RegoType.ArrayOf(RegoType.AnyOf(RegoType.Number, RegoType.String)))), Format),
    ];

    // The context's clock is fixed for the query, so every call in one query agrees.
    private static Value NowNanos(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        NumberValue.Of((context.Now - DateTimeOffset.UnixEpoch).Ticks * 100);

    private static Value ParseNanos(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var layout = Operands.String(arguments, 0).Value;
        var value = Operands.String(arguments, 1).Value;
        return SafeUnixNanos(GoTimeParse.Parse(layout, value));
    }

    private static Value ParseRfc3339Nanos(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        SafeUnixNanos(GoTimeParse.Parse(GoLayout.RFC3339, Operands.String(arguments, 0).Value));

    private static Value ParseDurationNanos(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        NumberValue.Of(GoDuration.Parse(Operands.String(arguments, 0).Value));

    private static Value Date(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var (year, month, day) = ZonedTime(arguments[0], out _).Date;
        return ArrayValue.Of(NumberValue.Of(year), NumberValue.Of(month), NumberValue.Of(day));
    }

    private static Value Clock(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var (hour, minute, second) = ZonedTime(arguments[0], out _).Clock;
        return ArrayValue.Of(NumberValue.Of(hour), NumberValue.Of(minute), NumberValue.Of(second));
    }

    private static Value Weekday(BuiltinContext context, ReadOnlySpan<Value> arguments) =>
        StringValue.Of(GoLayout.LongDayNames[ZonedTime(arguments[0], out _).Weekday]);

    private static Value AddDate(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var time = ZonedTime(arguments[0], out _);
        var years = Operands.Int64(arguments, 1);
        var months = Operands.Int64(arguments, 2);
        var days = Operands.Int64(arguments, 3);
        var (year, month, day) = time.Date;
        var (hour, minute, second) = time.Clock;
        var result = GoTime.Normalise((Int128)year + years, (Int128)month + months, (Int128)day + days, hour, minute, second, time.Nanosecond, time.Zone);
        return result is { } value ? SafeUnixNanos(value) : throw OutOfRange();
    }

    /// <summary>Years, months, days, hours, minutes and seconds between two times, in the first one's zone.</summary>
    private static Value Diff(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var first = ZonedTime(arguments[0], out _);
        var second = ZonedTime(arguments[1], out _).In(first.Zone);
        if ((first.UnixSeconds, first.Nanosecond).CompareTo((second.UnixSeconds, second.Nanosecond)) > 0)
        {
            (first, second) = (second, first);
        }

        var (y1, mo1, d1) = first.Date;
        var (y2, mo2, d2) = second.Date;
        var (h1, mi1, s1) = first.Clock;
        var (h2, mi2, s2) = second.Clock;
        long year = y2 - y1;
        int month = mo2 - mo1, day = d2 - d1, hour = h2 - h1, minute = mi2 - mi1, sec = s2 - s1;
        if (sec < 0)
        {
            sec += 60;
            minute--;
        }

        if (minute < 0)
        {
            minute += 60;
            hour--;
        }

        if (hour < 0)
        {
            hour += 24;
            day--;
        }

        if (day < 0)
        {
            // Borrow the length of the earlier time's month.
            day += GoTime.DaysIn(mo1, y1);
            month--;
        }

        if (month < 0)
        {
            month += 12;
            year--;
        }

        return ArrayValue.Of(NumberValue.Of(year), NumberValue.Of(month), NumberValue.Of(day), NumberValue.Of(hour), NumberValue.Of(minute), NumberValue.Of(sec));
    }

    private static Value Format(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var time = ZonedTime(arguments[0], out var layout);
        layout ??= GoLayout.RFC3339Nano;
        return StringValue.Of(GoTimeFormat.Format(time, GoLayout.Named.GetValueOrDefault(layout, layout)));
    }

    /// <summary>OPA's <c>tzTime</c>: a number of nanoseconds, or an array of nanoseconds, zone name and layout.</summary>
    private static GoTime ZonedTime(Value argument, out string? layout)
    {
        layout = null;
        var zone = GoZone.Utc;
        Value nanos;
        switch (argument)
        {
            case NumberValue:
                nanos = argument;
                break;
            case ArrayValue { Count: > 0 } array:
                nanos = array[0] as NumberValue ?? throw Operands.Mismatch(0, "number", array[0]);
                if (array.Count > 1)
                {
                    zone = GoZone.Load((array[1] as StringValue ?? throw Operands.Mismatch(0, "string", array[1])).Value);
                }

                if (array.Count > 2)
                {
                    layout = (array[2] as StringValue ?? throw Operands.Mismatch(0, "string", array[2])).Value;
                }

                break;
            default:
                throw new BuiltinTypeException($"operand 1 must be either number (ns) or [number (ns), string (tz)] but got {argument.TypeName}");
        }

        // Go converts through a big float and wants an exact int64; fractions and huge numbers both fail this way.
        if (!((NumberValue)nanos).TryGetInt64(out var value))
        {
            throw new BuiltinException("timestamp too big");
        }

        return GoTime.FromUnixNanos(value, zone);
    }

    private static NumberValue SafeUnixNanos(GoTime time) => time.UnixNanos is { } nanos ? NumberValue.Of(nanos) : throw OutOfRange();

    private static BuiltinException OutOfRange() => new("time outside of valid range");
}
