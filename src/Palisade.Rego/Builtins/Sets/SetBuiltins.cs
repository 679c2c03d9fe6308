using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Sets;

/// <summary><c>and</c> (&amp;), <c>or</c> (|), and <c>intersection</c> and <c>union</c> of a set of sets.</summary>
internal static class SetBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var set = RegoType.SetOf(RegoType.Any);
        var binary = FunctionSignature.Of(set, set, set);
        var ofSets = FunctionSignature.Of(set, RegoType.SetOf(set));
        yield return new BuiltinFunction("and", binary, (_, args) => Intersect(Operands.Set(args, 0), Operands.Set(args, 1)), Infix: "&");
        yield return new BuiltinFunction("or", binary, (_, args) => Union(Operands.Set(args, 0), Operands.Set(args, 1)), Infix: "|");
        yield return new BuiltinFunction("intersection", ofSets, (_, args) => IntersectAll(Operands.Set(args, 0)));
        yield return new BuiltinFunction("union", ofSets, (_, args) => UnionAll(Operands.Set(args, 0)));
    }

    public static SetValue Intersect(SetValue a, SetValue b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var items = new List<Value>(small.Count);
        foreach (var item in small.Items)
        {
            if (large.Contains(item))
            {
                items.Add(item);
            }
        }

        return items.Count == small.Count ? small : SetValue.Of(items);
    }

    public static SetValue Union(SetValue a, SetValue b) =>
        b.Count == 0 ? a : a.Count == 0 ? b : SetValue.Of([.. a.Items, .. b.Items]);

    /// <summary>The intersection of all member sets; of no sets, the empty set.</summary>
    public static SetValue IntersectAll(SetValue sets)
    {
        SetValue? result = null;
        foreach (var member in sets.Items)
        {
            var set = member as SetValue ?? throw Operands.Mismatch(0, "set", member);
            result = result is null ? set : Intersect(result, set);
        }

        return result ?? SetValue.Empty;
    }

    public static SetValue UnionAll(SetValue sets)
    {
        var items = new List<Value>();
        foreach (var member in sets.Items)
        {
            var set = member as SetValue ?? throw Operands.Mismatch(0, "set", member);
            items.AddRange(set.Items);
        }

        return SetValue.Of(items);
    }
}
