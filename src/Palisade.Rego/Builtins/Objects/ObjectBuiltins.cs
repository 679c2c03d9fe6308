using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Objects;

/// <summary><c>object.get</c>, <c>object.keys</c>, <c>object.remove</c> and <c>object.filter</c>.</summary>
internal static class ObjectBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var obj = RegoType.ObjectOf(RegoType.Any, RegoType.Any);
        var keys = RegoType.AnyOf(RegoType.ArrayOf(RegoType.Any), RegoType.SetOf(RegoType.Any), obj);
        yield return new BuiltinFunction("object.get", FunctionSignature.Of(RegoType.Any, obj, RegoType.Any, RegoType.Any), Get);
        yield return new BuiltinFunction("object.keys", FunctionSignature.Of(RegoType.SetOf(RegoType.Any), obj), (_, args) => SetValue.Of(Operands.Object(args, 0).Keys.ToArray()));
        yield return new BuiltinFunction("object.remove", FunctionSignature.Of(RegoType.Any, obj, keys), (_, args) => Remove(Operands.Object(args, 0), KeySet(args[1])));
        yield return new BuiltinFunction("object.filter", FunctionSignature.Of(RegoType.Any, obj, keys), (_, args) => Filter(Operands.Object(args, 0), KeySet(args[1])));
    }

    /// <summary>
    /// The value at a key, or along a path when the key is an array (the empty path is the object itself); the
    /// default when there is none. A path steps into objects by key, arrays by integer index and sets by member.
    /// </summary>
    private static Value? Get(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        var obj = Operands.Object(args, 0);
        if (args[1] is not ArrayValue path)
        {
            return obj.TryGetValue(args[1], out var value) ? value : args[2];
        }

        return Find(obj, path.Items) ?? args[2];
    }

    /// <summary>What a reference path selects inside a value, or null when it selects nothing.</summary>
    internal static Value? Find(Value value, ReadOnlySpan<Value> path)
    {
        foreach (var step in path)
        {
            switch (value)
            {
                case ObjectValue o when o.TryGetValue(step, out var next):
                    value = next;
                    break;
                case ArrayValue a when step is NumberValue n && n.TryGetInt64(out var i) && i >= 0 && i < a.Count:
                    value = a[(int)i];
                    break;
                case SetValue s when s.Contains(step):
                    value = step;
                    break;
                default:
                    return null;
            }
        }

        return value;
    }

    public static ObjectValue Remove(ObjectValue obj, SetValue keys)
    {
        var entries = obj.Entries.Where(e => !keys.Contains(e.Key)).ToList();
        return entries.Count == obj.Count ? obj : ObjectValue.Of(entries);
    }

    public static ObjectValue Filter(ObjectValue obj, SetValue keys) =>
        ObjectValue.Of(obj.Entries.Where(e => keys.Contains(e.Key)));

    /// <summary>The keys named by an array's items, a set's members or an object's keys.</summary>
    private static SetValue KeySet(Value keys) => keys switch
    {
        ArrayValue a => SetValue.Of(a.Items.ToArray()),
        SetValue s => s,
        ObjectValue o => SetValue.Of(o.Keys.ToArray()),
        _ => throw Operands.MismatchOneOf(1, keys, "object", "set", "array"),
    };
}
