using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Types;

namespace Palisade.Rego.Compilation;

/// <summary>The type checker's errors, worded as OPA words them: a message, then detail lines each after a tab.</summary>
internal static class TypeErrors
{
    public static RegoException InvalidArguments(string function, IEnumerable<RegoType?> have, IEnumerable<RegoType> want, Location location) =>
        Error(location, $"{function}: invalid argument(s)", $"have: {Arguments(have)}", $"want: {Arguments(want)}");

    public static RegoException MatchError(RegoType? left, RegoType? right, Location location) =>
        Error(location, "match error", $"left  : {TypeAlgebra.Print(left)}", $"right : {TypeAlgebra.Print(right)}");

    /// <summary>A ref that looks up a key in a value that has no keys (a scalar); <paramref name="position"/> is that value's.</summary>
    public static RegoException UnsupportedRef(RefTerm reference, int position, RegoType have)
    {
        var text = RegoPrinter.Print(reference);
        var prefix = Prefix(reference, position + 1);
        return Error(reference.Head.Location, $"undefined ref: {text}", text, new string('^', prefix.Length), $"have: {TypeAlgebra.Print(have)}");
    }

    /// <summary>A ref whose key at <paramref name="position"/> (0 is the head) cannot be a key of the value it looks into.</summary>
    public static RegoException InvalidRefKey(RefTerm reference, int position, RegoType? haveType, RegoType? want)
    {
        var text = RegoPrinter.Print(reference);
        var pad = new string(' ', Prefix(reference, position).Length + 1);
        var have = haveType is null
            ? $"{pad}have: {RegoPrinter.Print(reference.Path[position - 1])}"
            : $"{pad}have (type): {TypeAlgebra.Print(haveType)}";
        return Error(reference.Head.Location, $"undefined ref: {text}", text, pad + "^", have, $"{pad}want (type): {TypeAlgebra.Print(want)}");
    }

    private static string Prefix(RefTerm reference, int terms) =>
        RegoPrinter.Print(reference with { Path = reference.Path.Take(terms - 1).ToArray() });

    private static string Arguments(IEnumerable<RegoType?> types) => $"({string.Join(", ", types.Select(TypeAlgebra.Print))})";

    private static RegoException Error(Location location, string message, params string[] details) =>
        new(ErrorCodes.TypeError, string.Concat(message, string.Concat(details.Select(d => "\n\t" + d))), location);
}
