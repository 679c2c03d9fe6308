using Palisade.Rego.Compilation;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Rego;

/// <summary>
/// <c>rego.metadata.chain()</c> and <c>rego.metadata.rule()</c>. Inside a rule the compiler replaces each call by the
/// rule's annotations (<see cref="MetadataCalls"/>), so a call that reaches evaluation was made from a query, where
/// there is no rule: that is OPA's error.
/// </summary>
internal static class RegoMetadataBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new(MetadataCalls.ChainName, FunctionSignature.Of(RegoType.ArrayOf(RegoType.Any)), OutsideRule(MetadataCalls.ChainName)),
        new(MetadataCalls.RuleName, FunctionSignature.Of(RegoType.Any), OutsideRule(MetadataCalls.RuleName)),
    ];

    private static BuiltinImplementation OutsideRule(string name) =>
        (_, _) => throw new BuiltinException($"the {name} function must only be called within the scope of a rule");
}
