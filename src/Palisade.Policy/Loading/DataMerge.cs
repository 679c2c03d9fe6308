using Palisade.Rego.Values;

namespace Palisade.Policy.Loading;

/// <summary>Merging data documents: objects merge key by key; anything else at the same path is a conflict.</summary>
public static class DataMerge
{
    public static ObjectValue Merge(ObjectValue a, ObjectValue b)
    {
        var entries = a.Entries.ToDictionary(e => e.Key, e => e.Value);
        foreach (var (key, value) in b.Entries)
        {
            if (entries.TryGetValue(key, out var existing))
            {
                entries[key] = existing is ObjectValue left && value is ObjectValue right
                    ? Merge(left, right)
                    : throw new InvalidDataException($"data conflict at key {key}: two files set it");
            }
            else
            {
                entries[key] = value;
            }
        }

        return ObjectValue.Of(entries);
    }

    public static ObjectValue Nest(IReadOnlyList<string> path, Value value)
    {
        var result = value;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            result = ObjectValue.Of((path[i], result));
        }

        return (ObjectValue)result;
    }
}
