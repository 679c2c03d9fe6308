using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

/// <summary>
/// The document partial rules build: at each key path, nested objects ending in a set (for <c>contains</c>) or a value
/// (for <c>p[k] := v</c>). Two different values for one key path are a conflict.
/// </summary>
internal sealed class PartialDocument
{
    private readonly Dictionary<Value, PartialDocument> _children = [];
    private readonly HashSet<Value> _elements = [];
    private Value? _value;

    public void AddElement(Value[] keys, Value element) => At(keys, keys.Length)._elements.Add(element);

    /// <summary>Adds a value at a key path; false when the path already holds another value.</summary>
    public bool AddEntry(Value[] keys, Value value)
    {
        var parent = At(keys, keys.Length - 1);
        var key = keys[^1];
        if (parent._children.TryGetValue(key, out var existing))
        {
            return existing._value is not null && existing._value.Equals(value);
        }

        parent._children[key] = new PartialDocument { _value = value };
        return true;
    }

    private PartialDocument At(Value[] keys, int count)
    {
        var node = this;
        for (var i = 0; i < count; i++)
        {
            if (!node._children.TryGetValue(keys[i], out var child))
            {
                child = new PartialDocument();
                node._children[keys[i]] = child;
            }

            node = child;
        }

        return node;
    }

    public Value ToValue(bool leavesAreSets)
    {
        if (_value is not null)
        {
            return _value;
        }

        if (_children.Count == 0)
        {
            return leavesAreSets ? SetValue.Of(_elements) : ObjectValue.Empty;
        }

        return ObjectValue.Of(_children.Select(c => new KeyValuePair<Value, Value>(c.Key, c.Value.ToValue(leavesAreSets))));
    }
}
