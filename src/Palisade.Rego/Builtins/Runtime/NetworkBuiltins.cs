using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Runtime;

/// <summary>
/// <c>http.send</c> is declared, so policies that mention it compile, but Palisade evaluates without network access
/// by design: every call fails.
/// </summary>
internal static class NetworkBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("http.send", FunctionSignature.Of(RegoType.ObjectOf(RegoType.Any, RegoType.Any), RegoType.ObjectOf(RegoType.String, RegoType.Any)), Send, Nondeterministic: true),
    ];

    private static Value Send(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        Operands.Object(arguments, 0);
        throw new BuiltinException("network access is disabled");
    }
}
