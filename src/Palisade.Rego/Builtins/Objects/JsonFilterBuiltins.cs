using System.Globalization;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Objects;

/// <summary><c>json.filter</c> and <c>json.remove</c>: keep or drop the values at a set of paths.</summary>
internal static class JsonFilterBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var obj = RegoType.ObjectOf(RegoType.Any, RegoType.Any);
        var path = RegoType.AnyOf(RegoType.String, RegoType.ArrayOf(RegoType.Any));
        var paths = RegoType.AnyOf(RegoType.ArrayOf(path), RegoType.SetOf(path));
        yield return new BuiltinFunction("json.filter", FunctionSignature.Of(RegoType.Any, obj, paths), (_, args) => Filter(Operands.Object(args, 0), args[1]));
        yield return new BuiltinFunction("json.remove", FunctionSignature.Of(RegoType.Any, obj, paths), (_, args) => Remove(Operands.Object(args, 0), args[1]));
    }

    public static Value Filter(ObjectValue obj, Value paths) => Keep(obj, JsonPaths.ToTree(JsonPaths.ParseAll(paths)));

    public static Value? Remove(ObjectValue obj, Value paths) => Drop(obj, JsonPaths.ToTree(JsonPaths.ParseAll(paths)));

    /// <summary>
    /// What of a value the filter tree keeps: all of it under a null leaf; else the entries the tree names. Array
    /// items are named by their index as a string ("0"), as in a JSON pointer.
    /// </summary>
    private static Value Keep(Value value, Value filter)
    {
        if (filter is not ObjectValue tree)
        {
            return value;
        }

        switch (value)
        {
            case ArrayValue a:
                var items = new List<Value>();
                for (var i = 0; i < a.Count; i++)
                {
                    if (tree.TryGetValue(IndexKey(i), out var sub))
                    {
                        items.Add(Keep(a[i], sub));
                    }
                }

                return ArrayValue.Of(items);
            case SetValue s:
                var members = new List<Value>();
                foreach (var item in s.Items)
                {
                    if (tree.TryGetValue(item, out var sub))
                    {
                        members.Add(Keep(item, sub));
                    }
                }

                return SetValue.Of(members);
            case ObjectValue o:
                var entries = new List<KeyValuePair<Value, Value>>();
                foreach (var (key, item) in o.Entries)
                {
                    if (tree.TryGetValue(key, out var sub))
                    {
                        entries.Add(new(key, Keep(item, sub)));
                    }
                }

                return ObjectValue.Of(entries);
            default:
                return value;
        }
    }

    /// <summary>The value without what the tree's null leaves name; null when the value itself is removed.</summary>
    private static Value? Drop(Value value, Value? filter)
    {
        switch (filter)
        {
            case null:
                return value;
            case NullValue:
                return null;
            case not ObjectValue:
                return value;
        }

        var tree = (ObjectValue)filter;
        switch (value)
        {
            case ArrayValue a:
                var items = new List<Value>();
                for (var i = 0; i < a.Count; i++)
                {
                    if (Drop(a[i], Child(tree, IndexKey(i))) is { } kept)
                    {
                        items.Add(kept);
                    }
                }

                return ArrayValue.Of(items);
            case SetValue s:
                var members = new List<Value>();
                foreach (var item in s.Items)
                {
                    if (Drop(item, Child(tree, item)) is { } kept)
                    {
                        members.Add(kept);
                    }
                }

                return SetValue.Of(members);
            case ObjectValue o:
                var entries = new List<KeyValuePair<Value, Value>>();
                foreach (var (key, item) in o.Entries)
                {
                    if (Drop(item, Child(tree, key)) is { } kept)
                    {
                        entries.Add(new(key, kept));
                    }
                }

                return ObjectValue.Of(entries);
            default:
                return value;
        }
    }

    private static Value? Child(ObjectValue tree, Value key) => tree.TryGetValue(key, out var sub) ? sub : null;

    private static StringValue IndexKey(int index) => new(index.ToString(CultureInfo.InvariantCulture));
}
