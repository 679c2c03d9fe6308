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

    public override bool Equals(Value? other) =>
        other is SetValue x && (ReferenceEquals(x, this) || ValueSequences.Equal(_items, x._items));

    public override int GetHashCode() => _hash != 0 ? _hash : _hash = ValueSequences.Hash(ValueKind.Set, _items);

    internal override void WriteTerm(StringBuilder builder)
    {
        if (_items.Length == 0)
        {
            builder.Append("set()");
            return;
        }

        ValueSequences.Write(builder, _items, '{', '}');
    }

    private protected override int CompareSameKind(Value other) => ValueSequences.Compare(_items, ((SetValue)other)._items);
}
