using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Objects;

/// <summary>
/// The paths <c>json.filter</c>, <c>json.remove</c> and <c>json.patch</c> take: a slash-separated string (leading
/// slashes optional, <c>~1</c> for '/' and <c>~0</c> for '~') or an array of path segments of any type.
/// </summary>
internal static class JsonPaths
{
    public static Value[] Parse(Value path) => path switch
    {
        StringValue { Value.Length: 0 } => [],
        StringValue s => s.Value.TrimStart('/').Split('/')
            .Select(part => (Value)new StringValue(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
            .ToArray(),
        ArrayValue a => a.Items.ToArray(),
        _ => throw new BuiltinTypeException(
            $"operand 2 must be one of {{set, array}} containing string paths or array of path segments but got {path.TypeName}"),
    };

    /// <summary>The paths of json.filter's and json.remove's second operand.</summary>
    public static List<Value[]> ParseAll(Value paths) => paths switch
    {
        ArrayValue a => a.Items.ToArray().Select(Parse).ToList(),
        SetValue s => s.Items.ToArray().Select(Parse).ToList(),
        _ => throw Operands.MismatchOneOf(1, paths, "set", "array"),
    };

    /// <summary>
    /// The paths as a tree of objects whose leaves are null: ["a/b", "a/c"] becomes {"a": {"b": null, "c": null}}. A
    /// shorter path covers the longer ones it prefixes, and an empty path is ignored.
    /// </summary>
    public static ObjectValue ToTree(List<Value[]> paths)
    {
        var root = new Node();
        foreach (var path in paths)
        {
            if (path.Length == 0)
            {
                continue;
            }

            var node = root;
            var covered = false;
            for (var i = 0; i < path.Length - 1 && !covered; i++)
            {
                if (!node.Children.TryGetValue(path[i], out var child))
                {
                    child = new Node();
                    node.Children[path[i]] = child;
                }
                else if (child.IsLeaf)
                {
                    covered = true;
                }

                node = child;
            }

            if (!covered)
            {
                node.Children[path[^1]] = Node.Leaf;
            }
        }

        return (ObjectValue)root.ToValue();
    }

    private sealed class Node
    {
        public static readonly Node Leaf = new() { IsLeaf = true };

        public bool IsLeaf { get; private init; }

        public Dictionary<Value, Node> Children { get; } = [];

        public Value ToValue() => IsLeaf
            ? NullValue.Instance
            : ObjectValue.Of(Children.Select(c => new KeyValuePair<Value, Value>(c.Key, c.Value.ToValue())));
    }
}
