using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Apply;

/// <summary>
/// A set of field paths, as a managedFields entry's fieldsV1 holds it. A path is a list of elements:
/// <c>f:name</c> (an object field), <c>k:{"key":"value"}</c> (an element of a keyed list), <c>v:"value"</c>
/// (an element of a set list), and a final <c>.</c> for the node itself. Each member is a leaf of fieldsV1.
/// </summary>
internal sealed class FieldSet
{
    // Paths are kept as their elements joined by a newline, which JSON-escaped keys and values cannot contain.
    private const char Separator = '\n';
    private readonly HashSet<string> paths;

    public FieldSet()
        : this([])
    {
    }

    private FieldSet(HashSet<string> paths) => this.paths = paths;

    public bool IsEmpty => paths.Count == 0;

    public IEnumerable<IReadOnlyList<string>> Paths => paths.Order(StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)p.Split(Separator));

    public void Add(IEnumerable<string> path) => paths.Add(string.Join(Separator, path));

    public bool Contains(IEnumerable<string> path) => paths.Contains(string.Join(Separator, path));

    public FieldSet Union(FieldSet other) => new([.. paths.Union(other.paths)]);

    public FieldSet Except(FieldSet other) => new([.. paths.Except(other.paths)]);

    public FieldSet Intersect(FieldSet other) => new([.. paths.Intersect(other.paths)]);

    /// <summary>The fieldsV1 tree: each path a chain of nested objects ending in an empty one.</summary>
    public JsonObject ToFieldsV1()
    {
        var root = new JsonObject();
        foreach (var path in Paths)
        {
            var node = root;
            foreach (var element in path)
            {
                if (node[element] is not JsonObject child)
                {
                    child = [];
                    node[element] = child;
                }

                node = child;
            }
        }

        return root;
    }

    public static FieldSet FromFieldsV1(JsonObject? fieldsV1)
    {
        var set = new FieldSet();
        if (fieldsV1 is not null)
        {
            Collect(fieldsV1, [], set);
        }

        return set;
    }

    private static void Collect(JsonObject node, List<string> prefix, FieldSet set)
    {
        foreach (var (element, child) in node)
        {
            prefix.Add(element);
            if (child is JsonObject { Count: > 0 } children)
            {
                Collect(children, prefix, set);
            }
            else
            {
                set.Add(prefix);
            }

            prefix.RemoveAt(prefix.Count - 1);
        }
    }
}
