using Palisade.Rego.Builtins;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

public sealed class RuntimeBuiltinTests
{
    [Fact]
    public void RandomIntsAreMemoisedPerQueryAndArguments()
    {
        var context = new BuiltinContext(FixedNow) { Random = new Random(7) };
        var first = (NumberValue)Call(context, "rand.intn", S("key"), N(100))!;
        Assert.True(first.TryGetInt64(out var value) && value is >= 0 and < 100);
        Assert.Equal(first, Call(context, "rand.intn", S("key"), N(100)));
        Assert.Equal(first, Call(context, "rand.intn", S("key"), N(-100)));
        Assert.Equal(N(0), Call(context, "rand.intn", S("key"), N(0)));
        var values = Enumerable.Range(0, 50).Select(i => Call(context, "rand.intn", S($"k{i}"), N(1000))).ToHashSet();
        Assert.True(values.Count > 1);
    }

    [Fact]
    public void RandomIntWantsAnInteger() =>
        Fails("rand.intn", "operand 2 must be integer number but got floating-point number", S("key"), N("1.5"));

    [Fact]
    public void RuntimeIsTheContexts()
    {
        var runtime = ObjectValue.Of(("env", ObjectValue.Empty));
        Assert.Equal(runtime, Call(new BuiltinContext(FixedNow) { Runtime = runtime }, "opa.runtime"));
    }

    [Fact]
    public void TracePrintsAndSucceeds()
    {
        var lines = new List<string>();
        Assert.Equal(BooleanValue.True, Call(new BuiltinContext(FixedNow) { Print = lines.Add }, "trace", S("hello")));
        Assert.Equal(["hello"], lines);
    }

    [Fact]
    public void HttpSendIsDisabled()
    {
        Fails("http.send", "network access is disabled", ObjectValue.Of(("method", S("GET")), ("url", S("https://example.com"))));
        Assert.IsType<BuiltinTypeException>(Fails("http.send", "invalid request parameters(s): {\"bad\", \"worse\"}", ObjectValue.Of(("worse", S("x")), ("method", S("GET")), ("bad", S("x")), ("url", S("u")))));
        Assert.IsType<BuiltinTypeException>(Fails("http.send", "missing required request parameters(s): {\"url\"}", ObjectValue.Of(("method", S("GET")))));
        Assert.True(BuiltinRegistry.Default.TryGet("http.send", out var send) && send.Nondeterministic);
    }
}
