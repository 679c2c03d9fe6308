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
        var list = entries.ToList();
        if (list.Count == 0)
        {
            return Empty;
        }

        // A stable sort by key keeps later duplicates after earlier ones; the last of each run wins.
        var ordered = list.Select((entry, position) => (entry, position))
            .OrderBy(p => p.entry.Key)
            .ThenBy(p => p.position)
            .ToList();
        var keys = new List<Value>(ordered.Count);
        var values = new List<Value>(ordered.Count);
        foreach (var (entry, _) in ordered)
        {
            if (keys.Count > 0 && keys[^1].Equals(entry.Key))
            {
                values[^1] = entry.Value;
            }
            else
            {
                keys.Add(entry.Key);
                values.Add(entry.Value);
            }
        }

        return new ObjectValue([.. keys], [.. values]);
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
