using Palisade.Rego.Builtins;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

/// <summary>
/// Builtins that generate many items stop at the evaluation's deadline as well as at cancellation: the sync gate and
/// palisade test bound a rule by a deadline alone.
/// </summary>
public sealed class GeneratingBuiltinDeadlineTests
{
    private static BuiltinContext PastDeadline() => new(FixedNow) { Deadline = DateTimeOffset.UtcNow.AddSeconds(-1) };

    [Fact]
    public void A_range_past_the_deadline_is_cancelled() =>
        Assert.Throws<OperationCanceledException>(() => Call(PastDeadline(), "numbers.range", N(1), N(9_999_999)));

    [Fact]
    public void A_cidr_expansion_past_the_deadline_is_cancelled() =>
        Assert.Throws<OperationCanceledException>(() => Call(PastDeadline(), "net.cidr_expand", S("10.0.0.0/9")));
}
