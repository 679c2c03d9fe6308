namespace Palisade.Kube.Schema.Cel;

/// <summary>
/// CEL values at run time are plain objects: <see cref="long"/> (int), <see cref="double"/>, <see cref="string"/>,
/// <see cref="bool"/>, <see cref="CelNull"/>, <see cref="CelList"/> and <see cref="CelMap"/>. Lists and maps are
/// views, so an object read from a manifest is not copied to be checked.
/// </summary>
internal sealed class CelNull
{
    public static readonly CelNull Value = new();

    private CelNull() { }

    public override string ToString() => "null";
}

internal abstract class CelList
{
    public abstract int Count { get; }

    public abstract object this[int index] { get; }

    public IEnumerable<object> Items()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }
}

internal abstract class CelMap
{
    public abstract int Count { get; }

    /// <summary>The keys present, in order; values are looked up with <see cref="TryGet"/>.</summary>
    public abstract IEnumerable<object> Keys { get; }

    public abstract bool TryGet(object key, out object value);
}

internal sealed class CelArrayList(IReadOnlyList<object> items) : CelList
{
    public override int Count => items.Count;

    public override object this[int index] => items[index];
}

/// <summary>A map built by a map literal; keys compare by CEL equality (1 and 1.0 are one key).</summary>
internal sealed class CelLiteralMap(IReadOnlyList<(object Key, object Value)> entries) : CelMap
{
    public override int Count => entries.Count;

    public override IEnumerable<object> Keys => entries.Select(e => e.Key);

    public override bool TryGet(object key, out object value)
    {
        foreach (var entry in entries)
        {
            if (CelOperators.AreEqual(entry.Key, key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = CelNull.Value;
        return false;
    }
}

internal static class CelTypes
{
    /// <summary>CEL's name for a value's type, as error messages show it.</summary>
    public static string NameOf(object value) => value switch
    {
        long => "int",
        double => "double",
        string => "string",
        bool => "bool",
        CelNull => "null_type",
        CelList => "list",
        CelMap => "map",
        _ => value.GetType().Name,
    };
}
