using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Glob;

/// <summary>glob.match and glob.quote_meta.</summary>
internal static class GlobBuiltins
{
    private static readonly int[] Dot = ['.'];

    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "glob.match",
            FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.AnyOf(RegoType.ArrayOf(RegoType.String), RegoType.Null), RegoType.String),
            (_, args) => Match(args));
        yield return new BuiltinFunction(
            "glob.quote_meta",
            FunctionSignature.Of(RegoType.String, RegoType.String),
            (_, args) => StringValue.Of(GlobPattern.QuoteMeta(Operands.String(args, 0).Value)));
    }

    /// <summary>Delimiters: null means none; an empty array means the default, ".".</summary>
    private static BooleanValue Match(ReadOnlySpan<Value> args)
    {
        var pattern = Operands.String(args, 0).Value;
        IReadOnlyList<int> delimiters = args[1] switch
        {
            NullValue => [],
            ArrayValue { Count: 0 } => Dot,
            ArrayValue array => Runes(array),
            var other => throw Operands.MismatchOneOf(1, other, "array", "null"),
        };
        var text = Operands.String(args, 2).Value;
        return BooleanValue.Of(GlobPattern.Match(pattern, delimiters, text));
    }

    private static int[] Runes(ArrayValue array)
    {
        var runes = new int[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            var s = array[i] as StringValue ?? throw Operands.ElementMismatch(1, array, array[i], "string");
            var all = Strings.Runes.Of(s.Value);
            runes[i] = all.Length == 1 ? all[0] : throw Operands.ElementMismatch(1, array, array[i], "rune");
        }

        return runes;
    }
}
