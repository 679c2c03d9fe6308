using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>Finding text in strings: contains, prefixes and suffixes, indexes (in code points) and counts.</summary>
internal static class SearchBuiltins
{
    private static readonly RegoType StringOrCollection =
        RegoType.AnyOf(RegoType.String, RegoType.SetOf(RegoType.String), RegoType.ArrayOf(RegoType.String));

    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return TwoStrings("contains", RegoType.Boolean, (s, t) => BooleanValue.Of(s.Contains(t, StringComparison.Ordinal)));
        yield return TwoStrings("startswith", RegoType.Boolean, (s, t) => BooleanValue.Of(s.StartsWith(t, StringComparison.Ordinal)));
        yield return TwoStrings("endswith", RegoType.Boolean, (s, t) => BooleanValue.Of(s.EndsWith(t, StringComparison.Ordinal)));
        yield return TwoStrings("strings.count", RegoType.Number, (s, t) => NumberValue.Of(Count(s, t)));
        yield return TwoStrings("indexof", RegoType.Number, (s, t) => NumberValue.Of(IndexesOf(s, t).DefaultIfEmpty(-1).First()));
        yield return TwoStrings("indexof_n", RegoType.ArrayOf(RegoType.Number), (s, t) => ArrayValue.Of(IndexesOf(s, t).Select(i => (Value)NumberValue.Of(i))));
        yield return new BuiltinFunction(
            "strings.any_prefix_match",
            FunctionSignature.Of(RegoType.Boolean, StringOrCollection, StringOrCollection),
            (_, args) => BooleanValue.Of(AnyMatch(args, (s, prefix) => s.StartsWith(prefix, StringComparison.Ordinal))));
        yield return new BuiltinFunction(
            "strings.any_suffix_match",
            FunctionSignature.Of(RegoType.Boolean, StringOrCollection, StringOrCollection),
            (_, args) => BooleanValue.Of(AnyMatch(args, (s, suffix) => s.EndsWith(suffix, StringComparison.Ordinal))));
    }

    private static BuiltinFunction TwoStrings(string name, RegoType result, Func<string, string, Value> body) =>
        new(name, FunctionSignature.Of(result, RegoType.String, RegoType.String),
            (_, args) => body(Operands.String(args, 0).Value, Operands.String(args, 1).Value));

    /// <summary>Non-overlapping occurrences; an empty needle occurs before every code point and at the end.</summary>
    private static int Count(string text, string needle)
    {
        if (needle.Length == 0)
        {
            return Runes.Count(text) + 1;
        }

        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Code point positions of every (possibly overlapping) occurrence.</summary>
    private static IEnumerable<int> IndexesOf(string text, string needle)
    {
        if (needle.Length == 0)
        {
            throw new BuiltinException("empty search character");
        }

        var runes = Runes.Of(text);
        var search = Runes.Of(needle);
        var found = new List<int>();
        for (var i = 0; i + search.Length <= runes.Length; i++)
        {
            if (runes.AsSpan(i, search.Length).SequenceEqual(search))
            {
                found.Add(i);
            }
        }

        return found;
    }

    private static bool AnyMatch(ReadOnlySpan<Value> args, Func<string, string, bool> matches)
    {
        var strings = StringOrStrings(args, 0);
        var affixes = StringOrStrings(args, 1);
        return strings.Any(s => affixes.Any(a => matches(s, a)));
    }

    private static IReadOnlyList<string> StringOrStrings(ReadOnlySpan<Value> args, int index) =>
        args[index] is StringValue s ? [s.Value] : Operands.Strings(args, index, "string", "set", "array");
}
