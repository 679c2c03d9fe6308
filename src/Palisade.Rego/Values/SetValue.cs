using System.Text;

namespace Palisade.Rego.Values;

/// <summary>A set. Its elements are kept sorted, so iteration and printing follow OPA's order.</summary>
public sealed class SetValue : Value
{
    public static readonly SetValue Empty = new([]);

    private readonly Value[] _items;
    private readonly SortedIndex _index;
    private int _hash;

    private SetValue(Value[] sortedDistinct)
    {
        _items = sortedDistinct;
        _index = new SortedIndex(sortedDistinct);
    }

    public override ValueKind Kind => ValueKind.Set;

    public int Count => _items.Length;

    /// <summary>The elements in ascending order.</summary>
    public ReadOnlySpan<Value> Items => _items;

    public static SetValue Of(params Value[] items) => Of((IEnumerable<Value>)items);

    public static SetValue Of(IEnumerable<Value> items)
    {
        var array = items.ToArray();
        var count = SortedIndex.SortDistinct(array);
        return count == 0 ? Empty : new SetValue(count == array.Length ? array : array[..count]);
    }

    public bool Contains(Value value) => _index.IndexOf(value) >= 0;

    public override bool Equals(Value? other)
    {
        if (other is not SetValue set || set._items.Length != _items.Length)
        {
            return false;
        }

        if (ReferenceEquals(set, this))
        {
            return true;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].Equals(set._items[i]))
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
            hash.Add(ValueKind.Set);
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
        if (_items.Length == 0)
        {
            builder.Append("set()");
            return;
        }

        builder.Append('{');
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            _items[i].WriteTerm(builder);
        }

        builder.Append('}');
    }

    private protected override int CompareSameKind(Value other)
    {
        var items = ((SetValue)other)._items;
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
