using System.Text;

namespace Palisade.Rego.Values;

/// <summary>Equality, hashing, order and printing of value sequences, shared by arrays, sets and object keys.</summary>
internal static class ValueSequences
{
    public static bool Equal(Value[] a, Value[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Element by element, then the shorter first.</summary>
    public static int Compare(Value[] a, Value[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A non-zero hash of the sequence (zero marks "not computed yet" in the callers' caches).</summary>
    public static int Hash(ValueKind kind, Value[] items, Value[]? pairedWith = null)
    {
        var hash = new HashCode();
        hash.Add(kind);
        for (var i = 0; i < items.Length; i++)
        {
            hash.Add(items[i].GetHashCode());
            if (pairedWith is not null)
            {
                hash.Add(pairedWith[i].GetHashCode());
            }
        }

        var result = hash.ToHashCode();
        return result == 0 ? 1 : result;
    }

    public static void Write(StringBuilder builder, Value[] items, char open, char close)
    {
        builder.Append(open);
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            items[i].WriteTerm(builder);
        }

        builder.Append(close);
    }
}
