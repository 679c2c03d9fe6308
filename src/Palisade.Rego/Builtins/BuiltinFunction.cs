using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins;

/// <summary>
/// A builtin's implementation: a pure function of its arguments (and of the evaluation's context, for the few that
/// read the clock, randomness or print). It returns the result, or null when the call is undefined; it throws
/// <see cref="BuiltinException"/> for an error, which the evaluator reports as <c>eval_builtin_error</c> or
/// <c>eval_type_error</c> prefixed with the builtin's name.
/// </summary>
public delegate Value? BuiltinImplementation(BuiltinContext context, ReadOnlySpan<Value> arguments);

/// <summary>
/// A builtin that relates its arguments to many results (OPA's <c>walk</c>): the evaluator binds each in turn.
/// </summary>
public delegate IEnumerable<Value> BuiltinRelationImplementation(BuiltinContext context, Value[] arguments);

/// <summary>One builtin function, as OPA documents it.</summary>
/// <param name="Name">The name called in Rego, e.g. <c>count</c>, <c>strings.replace_n</c>.</param>
/// <param name="Signature">Argument and result types, for the compiler's type check.</param>
/// <param name="Implementation">The function itself; null for a relation.</param>
/// <param name="Nondeterministic">True for builtins whose result may differ between calls with the same arguments.</param>
/// <param name="Infix">The operator that calls it, when it has one (<c>+</c> for <c>plus</c>, <c>==</c> for <c>equal</c>).</param>
public sealed record BuiltinFunction(
    string Name,
    FunctionSignature Signature,
    BuiltinImplementation? Implementation,
    bool Nondeterministic = false,
    string? Infix = null,
    BuiltinRelationImplementation? Relation = null)
{
    public int Arity => Signature.Arguments.Count;
}
