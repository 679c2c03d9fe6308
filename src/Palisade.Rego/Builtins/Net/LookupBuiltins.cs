using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Net;

/// <summary>
/// <c>net.lookup_ip_addr</c>. Palisade evaluates without network access: addresses answer themselves and
/// "localhost" its loopback addresses, as a resolver would without asking anyone; other names fail.
/// </summary>
internal static class LookupBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("net.lookup_ip_addr", FunctionSignature.Of(RegoType.SetOf(RegoType.String), RegoType.String), LookupIpAddress, Nondeterministic: true),
    ];

    private static Value LookupIpAddress(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var name = Operands.String(arguments, 0).Value;
        if (GoIp.Parse(name) is { } ip)
        {
            return SetValue.Of(StringValue.Of(ip.ToString()));
        }

        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return SetValue.Of(StringValue.Of("127.0.0.1"), StringValue.Of("::1"));
        }

        throw new BuiltinException("network access is disabled");
    }
}
