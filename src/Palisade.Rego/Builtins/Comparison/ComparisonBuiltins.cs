using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Comparison;

/// <summary>Comparison operators. They never fail: any two values compare by OPA's total order across types.</summary>
internal static class ComparisonBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var signature = FunctionSignature.Of(RegoType.Boolean, RegoType.Any, RegoType.Any);
        yield return Compare("equal", "==", signature, c => c == 0);
        yield return Compare("neq", "!=", signature, c => c != 0);
        yield return Compare("lt", "<", signature, c => c < 0);
        yield return Compare("lte", "<=", signature, c => c <= 0);
        yield return Compare("gt", ">", signature, c => c > 0);
        yield return Compare("gte", ">=", signature, c => c >= 0);
    }

    private static BuiltinFunction Compare(string name, string infix, FunctionSignature signature, Func<int, bool> test) =>
        new(name, signature, (_, args) => BooleanValue.Of(test(args[0].CompareTo(args[1]))), Infix: infix);
}
