using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>Reads fields of Kubernetes objects held as Rego values; a missing or mistyped field reads as absent.</summary>
public static class ValuePaths
{
    public static Value? Get(this Value? value, params string[] path)
    {
        foreach (var key in path)
        {
            if (value is not ObjectValue obj || !obj.TryGetValue(key, out var next))
            {
                return null;
            }

            value = next;
        }

        return value;
    }

    public static string? GetString(this Value? value, params string[] path) => value.Get(path) is StringValue s ? s.Value : null;

    public static IReadOnlyList<Value> GetArray(this Value? value, params string[] path) =>
        value.Get(path) is ArrayValue array ? array.Items.ToArray() : [];

    public static IReadOnlyList<string> GetStrings(this Value? value, params string[] path) =>
        value.GetArray(path).OfType<StringValue>().Select(s => s.Value).ToArray();

    /// <summary>A string map such as <c>metadata.labels</c>; entries whose value is not a string are left out.</summary>
    public static IReadOnlyDictionary<string, string> GetStringMap(this Value? value, params string[] path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.Get(path) is ObjectValue obj)
        {
            foreach (var (key, item) in obj.Entries)
            {
                if (key is StringValue k && item is StringValue v)
                {
                    map[k.Value] = v.Value;
                }
            }
        }

        return map;
    }
}
