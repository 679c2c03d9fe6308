using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Runtime;

/// <summary><c>rand.intn</c>, <c>opa.runtime</c> and <c>trace</c>: builtins that read the evaluation's context.</summary>
internal static class RuntimeBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("rand.intn", FunctionSignature.Of(RegoType.Number, RegoType.String, RegoType.Number), RandomInt, Nondeterministic: true),
        new("opa.runtime", FunctionSignature.Of(RegoType.ObjectOf(RegoType.String, RegoType.Any)), (context, _) => context.Runtime, Nondeterministic: true),
        new("trace", FunctionSignature.Of(RegoType.Boolean, RegoType.String), Trace),
    ];

    /// <summary>
    /// A random integer in [0, |n|). Within one query the same name and bound give the same number, so a policy
    /// can call it twice and agree with itself.
    /// </summary>
    private static Value RandomInt(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var name = Operands.String(arguments, 0).Value;
        var n = Operands.Int64(arguments, 1);
        if (n == 0)
        {
            return NumberValue.Zero;
        }

        var bound = n == long.MinValue ? long.MaxValue : Math.Abs(n);
        return context.QueryCache.GetOrAdd(("rand.intn", name, bound), _ =>
        {
            lock (context.Random)
            {
                return NumberValue.Of(context.Random.NextInt64(bound));
            }
        });
    }

    private static Value Trace(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        context.Print?.Invoke(Operands.String(arguments, 0).Value);
        return BooleanValue.True;
    }
}
