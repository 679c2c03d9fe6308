using System.Diagnostics;
using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

public sealed class SleepBuiltinTests
{
    [Fact]
    public void SleepsForTheDurationAndGivesNull()
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal(NullValue.Instance, Call("test.sleep", S("30ms")));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(29), $"slept {clock.Elapsed}");
        Assert.Equal(NullValue.Instance, Call("test.sleep", S("-1s")));
    }

    [Fact]
    public void DurationsAreGoDurations()
    {
        Fails("test.sleep", "time: invalid duration \"ten\"", S("ten"));
        Fails("test.sleep", "time: missing unit in duration \"10\"", S("10"));
    }

    [Fact]
    public void CancellationEndsTheSleep()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var clock = Stopwatch.StartNew();
        Assert.Throws<OperationCanceledException>(() => Call(new BuiltinContext(FixedNow, cancelled.Token), "test.sleep", S("1h")));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void TheDeadlineEndsTheSleep()
    {
        var context = new BuiltinContext(FixedNow) { Deadline = DateTimeOffset.UtcNow.AddMilliseconds(50) };
        var clock = Stopwatch.StartNew();
        Assert.Throws<OperationCanceledException>(() => Call(context, "test.sleep", S("1h")));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ASleepPastTheDeadlineIsACancelError()
    {
        var engine = new RegoEngine().AddModule("t.rego", "package t\n\np if test.sleep(\"1h\")\n");
        var limits = new EvaluationLimits { Deadline = DateTimeOffset.UtcNow.AddMilliseconds(50) };
        var error = Assert.Throws<RegoException>(() => engine.Prepare("data.t.p").Evaluate(null, limits));
        Assert.Equal(ErrorCodes.CancelError, error.Code);
    }

    [Fact]
    public void TheQueryClockStandsStillWhileSleeping()
    {
        var engine = new RegoEngine().AddModule("t.rego", "package t\n\np if {\n  time.now_ns(t0)\n  test.sleep(\"10ms\")\n  time.now_ns(t1)\n  t0 == t1\n}\n");
        var results = engine.Prepare("x := data.t.p").Evaluate(null);
        Assert.Equal(BooleanValue.True, Assert.Single(results).Bindings["x"]);
    }
}
