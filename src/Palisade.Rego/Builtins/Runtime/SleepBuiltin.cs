using Palisade.Rego.Builtins.Time;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Runtime;

/// <summary>
/// <c>test.sleep</c>: waits for a Go duration ("10ms", "1.5s") and gives null. The wait ends early, ending the query,
/// when the caller cancels or the evaluation's deadline comes, as OPA stops waiting when its context is done.
/// </summary>
internal static class SleepBuiltin
{
    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("test.sleep", FunctionSignature.Of(RegoType.Null, RegoType.String), Sleep, Nondeterministic: true),
    ];

    private static Value Sleep(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var nanoseconds = GoDuration.Parse(Operands.String(arguments, 0).Value);
        var duration = TimeSpan.FromTicks(Math.Max(0, nanoseconds / 100));
        var untilDeadline = context.Deadline is { } deadline ? deadline - DateTimeOffset.UtcNow : TimeSpan.MaxValue;
        if (untilDeadline < duration)
        {
            // The deadline comes first: wait for it (unless cancelled sooner), then stop the query.
            Wait(untilDeadline, context.Cancellation);
            throw new OperationCanceledException("the evaluation's deadline passed during test.sleep");
        }

        Wait(duration, context.Cancellation);
        context.Cancellation.ThrowIfCancellationRequested();
        return NullValue.Instance;
    }

    /// <summary>Waits for the time or the cancellation, in steps short enough for <c>WaitOne</c> (under 25 days).</summary>
    private static void Wait(TimeSpan time, CancellationToken cancellation)
    {
        var longest = TimeSpan.FromMilliseconds(int.MaxValue);
        while (time > TimeSpan.Zero && !cancellation.IsCancellationRequested)
        {
            var step = time < longest ? time : longest;
            cancellation.WaitHandle.WaitOne(step);
            time -= step;
        }
    }
}
