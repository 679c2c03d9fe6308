using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

/// <summary>Reading and replacing values at a path of object keys, for <c>with</c> on part of a document.</summary>
internal static class ValuePaths
{
    public static Value? Get(Value? value, IReadOnlyList<string> path, int from = 0)
    {
        for (var i = from; i < path.Count && value is not null; i++)
        {
            value = value is ObjectValue obj && obj.TryGetValue(path[i], out var child) ? child : null;
        }

        return value;
    }

    /// <summary>The value with <paramref name="replacement"/> put at the path, creating objects along the way.</summary>
    public static Value Set(Value? value, IReadOnlyList<string> path, int from, Value replacement)
    {
        if (from == path.Count)
        {
            return replacement;
        }

        var obj = value as ObjectValue ?? ObjectValue.Empty;
        var key = StringValue.Of(path[from]);
        var child = obj.TryGetValue(key, out var existing) ? existing : null;
        var entries = obj.Entries.Where(e => !e.Key.Equals(key)).Append(new KeyValuePair<Value, Value>(key, Set(child, path, from + 1, replacement)));
        return ObjectValue.Of(entries);
    }
}
