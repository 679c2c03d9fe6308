using System.Text;

namespace Palisade.Rego.Values;

/// <summary>An object. Keys may be any value; entries are kept sorted by key, so iteration follows OPA's order.</summary>
public sealed class ObjectValue : Value
{
    public static readonly ObjectValue Empty = new([], []);

    private readonly Value[] _keys;
    private readonly Value[] _values;
    private readonly SortedIndex _index;
    private int _hash;

    private ObjectValue(Value[] sortedKeys, Value[] values)
    {
        _keys = sortedKeys;
        _values = values;
        _index = new SortedIndex(sortedKeys);
    }

    public override ValueKind Kind => ValueKind.Object;

    public int Count => _keys.Length;

    /// <summary>The keys in ascending order.</summary>
    public ReadOnlySpan<Value> Keys => _keys;

    /// <summary>The values, in the order of <see cref="Keys"/>.</summary>
    public ReadOnlySpan<Value> Values => _values;

    public IEnumerable<KeyValuePair<Value, Value>> Entries
    {
        get
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                yield return new KeyValuePair<Value, Value>(_keys[i], _values[i]);
            }
        }
    }

    /// <summary>Builds an object; when a key repeats, the last value given for it wins.</summary>
    public static ObjectValue Of(IEnumerable<KeyValuePair<Value, Value>> entries)
    {
        var pairs = entries as KeyValuePair<Value, Value>[] ?? entries.ToArray();
        if (pairs.Length == 0)
        {
            return Empty;
        }

        var keys = new Value[pairs.Length];
        var values = new Value[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            (keys[i], values[i]) = (pairs[i].Key, pairs[i].Value);
        }

        SortStable(keys, values);

        // Equal keys now sit together in the order given: the last of each run wins.
        var count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (count > 0 && keys[count - 1].Equals(keys[i]))
            {
                values[count - 1] = values[i];
            }
            else
            {
                (keys[count], values[count]) = (keys[i], values[i]);
                count++;
            }
        }

        return count == keys.Length ? new ObjectValue(keys, values) : new ObjectValue(keys[..count], values[..count]);
    }

    /// <summary>Sorts entries by key, keeping entries with equal keys in their order.</summary>
    private static void SortStable(Value[] keys, Value[] values)
    {
        if (keys.Length <= 16)
        {
            // Insertion sort: stable, and the fastest for the small objects policies build.
            for (var i = 1; i < keys.Length; i++)
            {
                var (key, value) = (keys[i], values[i]);
                var j = i - 1;
                for (; j >= 0 && keys[j].CompareTo(key) > 0; j--)
                {
                    (keys[j + 1], values[j + 1]) = (keys[j], values[j]);
                }

                (keys[j + 1], values[j + 1]) = (key, value);
            }

            return;
        }

        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var originalKeys = (Value[])keys.Clone();
        var originalValues = (Value[])values.Clone();
        Array.Sort(order, (x, y) => originalKeys[x].CompareTo(originalKeys[y]) is var c && c != 0 ? c : x.CompareTo(y));
        for (var i = 0; i < order.Length; i++)
        {
            (keys[i], values[i]) = (originalKeys[order[i]], originalValues[order[i]]);
        }
    }

    public static ObjectValue Of(params (string Key, Value Value)[] entries) =>
        Of(entries.Select(e => new KeyValuePair<Value, Value>(new StringValue(e.Key), e.Value)));

    public bool TryGetValue(Value key, out Value value)
    {
        var index = _index.IndexOf(key);
        value = index >= 0 ? _values[index] : NullValue.Instance;
        return index >= 0;
    }

    public bool TryGetValue(string key, out Value value) => TryGetValue(new StringValue(key), out value);

    public bool ContainsKey(Value key) => _index.IndexOf(key) >= 0;

    public override bool Equals(Value? other) =>
        other is ObjectValue obj
        && (ReferenceEquals(obj, this) || (ValueSequences.Equal(_keys, obj._keys) && ValueSequences.Equal(_values, obj._values)));

    public override int GetHashCode() => _hash != 0 ? _hash : _hash = ValueSequences.Hash(ValueKind.Object, _keys, _values);

    internal override void WriteTerm(StringBuilder builder)
    {
        builder.Append('{');
        for (var i = 0; i < _keys.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            _keys[i].WriteTerm(builder);
            builder.Append(": ");
            _values[i].WriteTerm(builder);
        }

        builder.Append('}');
    }

    /// <summary>OPA's order: key by key, then value by value, then by size.</summary>
    private protected override int CompareSameKind(Value other)
    {
        var obj = (ObjectValue)other;
        var length = Math.Min(_keys.Length, obj._keys.Length);
        for (var i = 0; i < length; i++)
        {
            var c = _keys[i].CompareTo(obj._keys[i]);
            if (c != 0)
            {
                return c;
            }

            c = _values[i].CompareTo(obj._values[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return _keys.Length.CompareTo(obj._keys.Length);
    }
}
