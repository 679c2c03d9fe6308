namespace Palisade.Rego.Values;

/// <summary>
/// Finding a value among sorted, distinct values: binary search for small collections, a hash table for larger
/// ones (built on first use, so collections that are never searched never pay for it).
/// </summary>
internal sealed class SortedIndex(Value[] sorted)
{
    private const int HashThreshold = 8;
    private Dictionary<Value, int>? _table;

    public int IndexOf(Value value)
    {
        if (sorted.Length <= HashThreshold)
        {
            for (var i = 0; i < sorted.Length; i++)
            {
                if (sorted[i].Equals(value))
                {
                    return i;
                }
            }

            return -1;
        }

        var table = _table;
        if (table is null)
        {
            table = new Dictionary<Value, int>(sorted.Length);
            for (var i = 0; i < sorted.Length; i++)
            {
                table[sorted[i]] = i;
            }

            _table = table;
        }

        return table.TryGetValue(value, out var index) ? index : -1;
    }

    /// <summary>Sorts values and removes duplicates, in place; returns how many distinct values there are.</summary>
    public static int SortDistinct(Value[] values)
    {
        if (values.Length < 2)
        {
            return values.Length;
        }

        Array.Sort(values);
        var count = 1;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i].CompareTo(values[count - 1]) != 0)
            {
                values[count++] = values[i];
            }
        }

        return count;
    }
}
