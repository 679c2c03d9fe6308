using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Objects;

/// <summary>
/// <c>json.patch</c>: RFC 6902 operations applied in order to any Rego value. Paths step into objects by key, arrays
/// by index (a string of digits or a number; "-" appends) and sets by member; adding to a set needs the last path
/// segment to equal the value. A patch that cannot apply leaves the call undefined, as in OPA.
/// </summary>
internal static class JsonPatchBuiltin
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        // OPA declares the operations as objects with static "op" (string) and "path" keys; our types have no static
        // properties, so an array of objects.
        var operations = RegoType.ArrayOf(RegoType.ObjectOf(RegoType.Any, RegoType.Any));
        yield return new BuiltinFunction("json.patch", FunctionSignature.Of(RegoType.Any, RegoType.Any, operations), (_, args) => Patch(args[0], Operands.Array(args, 1)));
    }

    public static Value? Patch(Value document, ArrayValue operations)
    {
        try
        {
            foreach (var operation in operations.Items)
            {
                document = Apply(document, operation as ObjectValue ?? throw new PatchException());
            }

            return document;
        }
        catch (Exception e) when (e is PatchException or BuiltinException)
        {
            // OPA reports no error for a patch that fails, not even for a malformed path: the call is undefined.
            return null;
        }
    }

    private static Value Apply(Value document, ObjectValue operation)
    {
        var op = Attribute(operation, "op") as StringValue ?? throw new PatchException();
        var path = JsonPaths.Parse(Attribute(operation, "path"));
        switch (op.Value)
        {
            case "add":
                return Insert(document, path, Attribute(operation, "value"));
            case "remove":
                return Delete(document, path);
            case "replace":
                var value = Attribute(operation, "value");
                return path.Length == 0 ? value : Insert(Delete(document, path), path, value);
            case "move":
                var from = JsonPaths.Parse(Attribute(operation, "from"));
                var moved = Render(document, from);
                return Insert(Delete(document, from), path, moved);
            case "copy":
                return Insert(document, path, Render(document, JsonPaths.Parse(Attribute(operation, "from"))));
            case "test":
                return Render(document, path).Equals(Attribute(operation, "value")) ? document : throw new PatchException();
            default:
                throw new PatchException();
        }
    }

    private static Value Attribute(ObjectValue operation, string name) =>
        operation.TryGetValue(name, out var value) ? value : throw new PatchException();

    /// <summary>The value at a path.</summary>
    private static Value Render(Value document, ReadOnlySpan<Value> path)
    {
        foreach (var key in path)
        {
            document = Child(document, key);
        }

        return document;
    }

    private static Value Insert(Value document, ReadOnlySpan<Value> path, Value value) =>
        path.Length == 0 ? value : Update(document, path[..^1], path[^1], (parent, key) => InsertChild(parent, key, value));

    private static Value Delete(Value document, ReadOnlySpan<Value> path) =>
        path.Length == 0 ? throw new PatchException() : Update(document, path[..^1], path[^1], DeleteChild);

    /// <summary>Rebuilds the document with the container at prefix changed by the edit.</summary>
    private static Value Update(Value document, ReadOnlySpan<Value> prefix, Value key, Func<Value, Value, Value> edit)
    {
        if (prefix.Length == 0)
        {
            return edit(document, key);
        }

        var step = prefix[0];
        var changed = Update(Child(document, step), prefix[1..], key, edit);
        return ReplaceChild(document, step, changed);
    }

    private static Value Child(Value container, Value key) => container switch
    {
        ObjectValue o => o.TryGetValue(key, out var value) ? value : throw new PatchException(),
        ArrayValue a => a[Index(key, a.Count - 1)],
        SetValue s => s.Contains(key) ? key : throw new PatchException(),
        _ => throw new PatchException(),
    };

    private static Value ReplaceChild(Value container, Value key, Value child)
    {
        switch (container)
        {
            case ObjectValue o:
                return ObjectValue.Of(o.Entries.Where(e => !e.Key.Equals(key)).Append(new(key, child)));
            case ArrayValue a:
                var items = a.Items.ToArray();
                items[Index(key, a.Count - 1)] = child;
                return ArrayValue.Of(items);
            case SetValue s:
                return SetValue.Of(s.Items.ToArray().Where(m => !m.Equals(key)).Append(child));
            default:
                throw new PatchException();
        }
    }

    private static Value InsertChild(Value container, Value key, Value value)
    {
        switch (container)
        {
            case ObjectValue o:
                return ObjectValue.Of(o.Entries.Where(e => !e.Key.Equals(key)).Append(new(key, value)));
            case ArrayValue a:
                var index = key is StringValue { Value: "-" } ? a.Count : Index(key, a.Count);
                var items = a.Items.ToArray().ToList();
                items.Insert(index, value);
                return ArrayValue.Of(items);
            case SetValue s when key.Equals(value):
                return SetValue.Of([.. s.Items, value]);
            default:
                throw new PatchException();
        }
    }

    private static Value DeleteChild(Value container, Value key)
    {
        switch (container)
        {
            case ObjectValue o when o.ContainsKey(key):
                return ObjectValue.Of(o.Entries.Where(e => !e.Key.Equals(key)));
            case ArrayValue a:
                var items = a.Items.ToArray().ToList();
                items.RemoveAt(Index(key, a.Count - 1));
                return ArrayValue.Of(items);
            case SetValue s when s.Contains(key):
                return SetValue.Of(s.Items.ToArray().Where(m => !m.Equals(key)));
            default:
                throw new PatchException();
        }
    }

    /// <summary>An array index from 0 to max: a number, or a string of digits without leading zeros.</summary>
    private static int Index(Value key, int max)
    {
        long index;
        switch (key)
        {
            case NumberValue n when n.TryGetInt64(out index):
                break;
            case StringValue s when s.Value.Length > 0 && s.Value.All(char.IsAsciiDigit) && (s.Value.Length == 1 || s.Value[0] != '0')
                && long.TryParse(s.Value, out index):
                break;
            default:
                throw new PatchException();
        }

        return index >= 0 && index <= max ? (int)index : throw new PatchException();
    }

    private sealed class PatchException : Exception;
}
