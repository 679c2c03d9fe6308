using System.Text;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>trim, trim_left, trim_right (by a set of code points), trim_prefix, trim_suffix and trim_space.</summary>
internal static class TrimBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return Trim("trim", (s, cut) => TrimRunes(s, cut, left: true, right: true));
        yield return Trim("trim_left", (s, cut) => TrimRunes(s, cut, left: true, right: false));
        yield return Trim("trim_right", (s, cut) => TrimRunes(s, cut, left: false, right: true));
        yield return Trim("trim_prefix", (s, prefix) => s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s);
        yield return Trim("trim_suffix", (s, suffix) => s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s);
        yield return new BuiltinFunction(
            "trim_space",
            FunctionSignature.Of(RegoType.String, RegoType.String),
            (_, args) => Result(args[0], TrimWhere(Operands.String(args, 0).Value, Rune.IsWhiteSpace, true, true)));
    }

    private static BuiltinFunction Trim(string name, Func<string, string, string> trim) =>
        new(name, FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.String),
            (_, args) => Result(args[0], trim(Operands.String(args, 0).Value, Operands.String(args, 1).Value)));

    // Returning the argument itself when nothing was trimmed keeps its identity (and saves an allocation).
    private static Value Result(Value original, string trimmed) =>
        ((StringValue)original).Value.Length == trimmed.Length ? original : StringValue.Of(trimmed);

    private static string TrimRunes(string text, string cutset, bool left, bool right)
    {
        var cut = new HashSet<int>(Runes.Of(cutset));
        return TrimWhere(text, r => cut.Contains(r.Value), left, right);
    }

    private static string TrimWhere(string text, Func<Rune, bool> trimmed, bool left, bool right)
    {
        var start = 0;
        var end = text.Length;
        while (left && start < end && Rune.DecodeFromUtf16(text.AsSpan(start, end - start), out var rune, out var used) == System.Buffers.OperationStatus.Done && trimmed(rune))
        {
            start += used;
        }

        while (right && end > start && Rune.DecodeLastFromUtf16(text.AsSpan(start, end - start), out var rune, out var used) == System.Buffers.OperationStatus.Done && trimmed(rune))
        {
            end -= used;
        }

        return text[start..end];
    }
}
