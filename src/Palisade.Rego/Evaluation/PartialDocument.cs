using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

/// <summary>
/// The document partial rules build together, entry by entry, with OPA's conflict rules: objects along each key
/// path, ending in a set (for <c>contains</c>) or a value (for <c>p[k] := v</c>, and for a rule with a plain ref below
/// one with a variable in its ref). An entry below one already made, a path through a value, or two different values
/// at one path are conflicts.
/// </summary>
internal sealed class PartialDocument
{
    private readonly Slot _root;

    /// <param name="isSet">True for the rules of a partial set (no key path): the document is a set.</param>
    public PartialDocument(bool isSet) => _root = isSet ? Slot.Set([]) : Slot.Object();

    /// <summary>Adds an element to the set at a key path; false on a conflict.</summary>
    public bool AddElement(Value[] keys, Value element)
    {
        if (keys.Length == 0)
        {
            return _root.Elements?.Add(element) is not null;
        }

        if (Parent(keys) is not { } parent)
        {
            return false;
        }

        var key = keys[^1];
        if (!parent.Children!.TryGetValue(key, out var leaf))
        {
            parent.Children[key] = Slot.Set([element]);
            return true;
        }

        if (leaf.Value is SetValue values)
        {
            // A set some rule gave as a whole value takes further elements, as in OPA.
            parent.Children[key] = leaf = Slot.Set([.. values.Items]);
        }

        return leaf.Elements?.Add(element) is not null;
    }

    /// <summary>Puts a value at a key path; false on a conflict.</summary>
    public bool AddEntry(Value[] keys, Value value)
    {
        if (Parent(keys) is not { } parent)
        {
            return false;
        }

        var key = keys[^1];
        if (parent.Children!.TryGetValue(key, out var existing))
        {
            return existing.ToValue().Equals(value);
        }

        parent.Children[key] = Slot.Leaf(value);
        return true;
    }

    public Value ToValue() => _root.ToValue();

    /// <summary>
    /// The object holding the last key, made where missing; null when the path runs through a set or a value. That
    /// is also OPA's check that no earlier entry's path is a proper prefix of this one: every entry ends in one.
    /// </summary>
    private Slot? Parent(Value[] keys)
    {
        var slot = _root;
        for (var i = 0; i < keys.Length - 1; i++)
        {
            if (slot.Children!.TryGetValue(keys[i], out var child))
            {
                if (child.Children is null)
                {
                    return null;
                }
            }
            else
            {
                child = Slot.Object();
                slot.Children[keys[i]] = child;
            }

            slot = child;
        }

        return slot.Children is null ? null : slot;
    }

    /// <summary>One place in the document: an object being built, a set being built, or a finished value.</summary>
    private sealed class Slot
    {
        public Dictionary<Value, Slot>? Children { get; private init; }

        public HashSet<Value>? Elements { get; private init; }

        public Value? Value { get; private init; }

        public static Slot Object() => new() { Children = [] };

        public static Slot Set(HashSet<Value> elements) => new() { Elements = elements };

        public static Slot Leaf(Value value) => new() { Value = value };

        public Value ToValue() =>
            Value
            ?? (Elements is not null
                ? SetValue.Of(Elements)
                : ObjectValue.Of(Children!.Select(c => new KeyValuePair<Value, Value>(c.Key, c.Value.ToValue()))));
    }
}
