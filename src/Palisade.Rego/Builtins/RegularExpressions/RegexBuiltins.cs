using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.RegularExpressions;

/// <summary>The regex builtins, with Go's RE2 syntax and semantics.</summary>
internal static class RegexBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var match = FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.String);
        yield return new BuiltinFunction("regex.match", match, (_, args) => Match(args));
        yield return new BuiltinFunction("re_match", match, (_, args) => Match(args));
        yield return new BuiltinFunction(
            "regex.is_valid",
            FunctionSignature.Of(RegoType.Boolean, RegoType.String),

            // Declared for strings, but any other value is simply not a valid pattern.
            (_, args) => BooleanValue.Of(args[0] is StringValue s && GoRegex.IsValid(s.Value)));
        yield return new BuiltinFunction(
            "regex.split",
            FunctionSignature.Of(RegoType.ArrayOf(RegoType.String), RegoType.String, RegoType.String),
            (_, args) => Strings(GoRegex.Get(Operands.String(args, 0).Value).Split(Operands.String(args, 1).Value)));
        yield return new BuiltinFunction(
            "regex.find_n",
            FunctionSignature.Of(RegoType.ArrayOf(RegoType.String), RegoType.String, RegoType.String, RegoType.Number),
            (_, args) => FindN(args));
        yield return new BuiltinFunction(
            "regex.find_all_string_submatch_n",
            FunctionSignature.Of(RegoType.ArrayOf(RegoType.ArrayOf(RegoType.String)), RegoType.String, RegoType.String, RegoType.Number),
            (_, args) => FindAllSubmatches(args));
        yield return new BuiltinFunction(
            "regex.replace",
            FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.String, RegoType.String),
            (_, args) => Replace(args));
        yield return new BuiltinFunction(
            "regex.globs_match",
            FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.String),
            (_, args) => BooleanValue.Of(GlobIntersection.NonEmpty(Operands.String(args, 0).Value, Operands.String(args, 1).Value)));
        yield return new BuiltinFunction(
            "regex.template_match",
            FunctionSignature.Of(RegoType.Boolean, RegoType.String, RegoType.String, RegoType.String, RegoType.String),
            (_, args) => TemplateMatch(args));
    }

    private static BooleanValue Match(ReadOnlySpan<Value> args)
    {
        var pattern = Operands.String(args, 0).Value;
        var text = Operands.String(args, 1).Value;
        return BooleanValue.Of(GoRegex.Get(pattern).IsMatch(text));
    }

    private static ArrayValue FindN(ReadOnlySpan<Value> args)
    {
        var pattern = Operands.String(args, 0).Value;
        var text = Operands.String(args, 1).Value;
        var n = Operands.SaturatedInt(args, 2);
        return Strings(GoRegex.Get(pattern).Matches(text, n).Select(m => m.Value));
    }

    private static ArrayValue FindAllSubmatches(ReadOnlySpan<Value> args)
    {
        var pattern = Operands.String(args, 0).Value;
        var text = Operands.String(args, 1).Value;
        var n = Operands.SaturatedInt(args, 2);
        var regex = GoRegex.Get(pattern);
        return ArrayValue.Of(regex.Matches(text, n).Select(m => (Value)Strings(regex.Groups(m))));
    }

    private static Value Replace(ReadOnlySpan<Value> args)
    {
        var text = Operands.String(args, 0).Value;
        var pattern = Operands.String(args, 1).Value;
        var replacement = Operands.String(args, 2).Value;
        var result = GoRegex.Get(pattern).ReplaceAll(text, replacement);
        return result == text ? args[0] : StringValue.Of(result);
    }

    private static BooleanValue TemplateMatch(ReadOnlySpan<Value> args)
    {
        var template = Operands.String(args, 0).Value;
        var text = Operands.String(args, 1).Value;
        var start = Operands.String(args, 2).Value;
        var end = Operands.String(args, 3).Value;

        // OPA counts bytes here, and reports the start delimiter's length in both messages.
        var startLength = System.Text.Encoding.UTF8.GetByteCount(start);
        if (startLength != 1)
        {
            throw new BuiltinException($"start delimiter has to be exactly one character long but is {startLength} long");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(end) != 1)
        {
            throw new BuiltinException($"end delimiter has to be exactly one character long but is {startLength} long");
        }

        return BooleanValue.Of(TemplatePattern.Compile(template, start[0], end[0]).IsMatch(text));
    }

    private static ArrayValue Strings(IEnumerable<string> strings) => ArrayValue.Of(strings.Select(s => (Value)StringValue.Of(s)));
}
