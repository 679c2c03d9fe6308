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

    public override bool Equals(Value? other) =>
        other is ArrayValue x && (ReferenceEquals(x, this) || ValueSequences.Equal(_items, x._items));

    public override int GetHashCode() => _hash != 0 ? _hash : _hash = ValueSequences.Hash(ValueKind.Array, _items);

    internal override void WriteTerm(StringBuilder builder) => ValueSequences.Write(builder, _items, '[', ']');

    private protected override int CompareSameKind(Value other) => ValueSequences.Compare(_items, ((ArrayValue)other)._items);
}
