using Palisade.Rego.Values;

namespace Palisade.Admission;

/// <summary>Reads fields of JSON objects held as Rego values; a missing field, or a value that is not an object, reads as absent.</summary>
internal static class ValueFields
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
}
