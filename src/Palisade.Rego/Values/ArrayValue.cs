using System.Text;

namespace Palisade.Rego.Values;

/// <summary>An array. The items are never changed after construction.</summary>
public sealed class ArrayValue : Value
{
    public static readonly ArrayValue Empty = new([]);

    private readonly Value[] _items;
    private int _hash;

    private ArrayValue(Value[] items) => _items = items;

    public override ValueKind Kind => ValueKind.Array;

    public int Count => _items.Length;

    public Value this[int index] => _items[index];

    public ReadOnlySpan<Value> Items => _items;

    public static ArrayValue Of(params Value[] items) => items.Length == 0 ? Empty : new ArrayValue((Value[])items.Clone());

    public static ArrayValue Of(IEnumerable<Value> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? Empty : new ArrayValue(array);
    }

    /// <summary>Takes ownership of an array the caller will not change again (no copy).</summary>
    internal static ArrayValue Wrap(Value[] items) => items.Length == 0 ? Empty : new ArrayValue(items);

    public override bool Equals(Value? other)
    {
        if (other is not ArrayValue array || array._items.Length != _items.Length)
        {
            return false;
        }

        if (ReferenceEquals(array, this))
        {
            return true;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].Equals(array._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            hash.Add(ValueKind.Array);
            foreach (var item in _items)
            {
                hash.Add(item.GetHashCode());
            }

            var result = hash.ToHashCode();
            _hash = result == 0 ? 1 : result;
        }

        return _hash;
    }

    internal override void WriteTerm(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            _items[i].WriteTerm(builder);
        }

        builder.Append(']');
    }

    private protected override int CompareSameKind(Value other)
    {
        var items = ((ArrayValue)other)._items;
        var length = Math.Min(_items.Length, items.Length);
        for (var i = 0; i < length; i++)
        {
            var c = _items[i].CompareTo(items[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return _items.Length.CompareTo(items.Length);
    }
}
