using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Objects;

/// <summary><c>object.union</c>, <c>object.union_n</c> and <c>object.subset</c>.</summary>
internal static class ObjectUnionBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var obj = RegoType.ObjectOf(RegoType.Any, RegoType.Any);
        var subsettable = RegoType.AnyOf(obj, RegoType.SetOf(RegoType.Any), RegoType.ArrayOf(RegoType.Any));
        yield return new BuiltinFunction("object.union", FunctionSignature.Of(RegoType.Any, obj, obj), (_, args) => Merge(Operands.Object(args, 0), Operands.Object(args, 1)));
        yield return new BuiltinFunction("object.union_n", FunctionSignature.Of(RegoType.Any, RegoType.ArrayOf(obj)), (_, args) => UnionN(Operands.Array(args, 0)));
        yield return new BuiltinFunction("object.subset", FunctionSignature.Of(RegoType.Any, subsettable, subsettable), (_, args) => BooleanValue.Of(Subset(args[0], args[1])));
    }

    /// <summary>Keys of b overwrite keys of a, except that two objects under one key merge recursively.</summary>
    public static ObjectValue Merge(ObjectValue a, ObjectValue b)
    {
        if (a.Equals(b))
        {
            return a;
        }

        var entries = new List<KeyValuePair<Value, Value>>(a.Count + b.Count);
        foreach (var (key, value) in a.Entries)
        {
            if (!b.TryGetValue(key, out var other))
            {
                entries.Add(new(key, value));
            }
            else
            {
                entries.Add(new(key, value is ObjectValue x && other is ObjectValue y ? Merge(x, y) : other));
            }
        }

        foreach (var (key, value) in b.Entries)
        {
            if (!a.ContainsKey(key))
            {
                entries.Add(new(key, value));
            }
        }

        return ObjectValue.Of(entries);
    }

    /// <summary>object.union of all the objects, left to right: the last assignment of a key wins, objects merge.</summary>
    public static ObjectValue UnionN(ArrayValue objects)
    {
        var result = ObjectValue.Empty;
        foreach (var item in objects.Items)
        {
            if (item is not ObjectValue obj)
            {
                throw new BuiltinTypeException($"operand 1 must be array of objects but got array containing {item.TypeName}");
            }

            result = Merge(result, obj);
        }

        return result;
    }

    /// <summary>
    /// Whether sub is contained in super: objects key by key (nested objects, sets and arrays recursively by the
    /// same rule), sets by membership, arrays as a contiguous run, and a set within an array by membership.
    /// </summary>
    public static bool Subset(Value super, Value sub) => (super, sub) switch
    {
        (ObjectValue a, ObjectValue b) => ObjectSubset(a, b),
        (SetValue a, SetValue b) => SetSubset(a, b),
        (ArrayValue a, ArrayValue b) => ArraySubset(a, b),
        (ArrayValue a, SetValue b) => ArrayContainsAll(a, b),
        _ => throw new BuiltinTypeException("both arguments object.subset must be of the same type or array and set"),
    };

    private static bool ObjectSubset(ObjectValue super, ObjectValue sub)
    {
        foreach (var (key, value) in sub.Entries)
        {
            if (!super.TryGetValue(key, out var other))
            {
                return false;
            }

            var contained = (other, value) switch
            {
                (ObjectValue a, ObjectValue b) => ObjectSubset(a, b),
                (SetValue a, SetValue b) => SetSubset(a, b),
                (ArrayValue a, ArrayValue b) => ArraySubset(a, b),
                _ => other.Equals(value),
            };
            if (!contained)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SetSubset(SetValue super, SetValue sub)
    {
        foreach (var item in sub.Items)
        {
            if (!super.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ArraySubset(ArrayValue super, ArrayValue sub)
    {
        var items = super.Items;
        var run = sub.Items;
        for (var start = 0; start + run.Length <= items.Length; start++)
        {
            if (items.Slice(start, run.Length).SequenceEqual(run))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ArrayContainsAll(ArrayValue super, SetValue sub)
    {
        foreach (var item in sub.Items)
        {
            if (!super.Items.Contains(item))
            {
                return false;
            }
        }

        return true;
    }
}
