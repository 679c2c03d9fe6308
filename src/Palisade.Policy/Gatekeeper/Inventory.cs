using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>
/// Objects synced into Gatekeeper, as templates read them: <c>data.inventory.cluster[groupVersion][kind][name]</c>
/// for cluster-scoped objects and <c>data.inventory.namespace[ns][groupVersion][kind][name]</c> for the rest.
/// Its Namespace objects also serve namespace selectors.
/// </summary>
public sealed class Inventory
{
    public static readonly Inventory Empty = new([]);

    private readonly Dictionary<string, Value> _namespaces = new(StringComparer.Ordinal);

    public Inventory(IEnumerable<Value> objects)
    {
        var cluster = new SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, Value>>>(StringComparer.Ordinal);
        var namespaced = new SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, Value>>>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var obj in objects)
        {
            var target = ReviewedObject.Of(obj);
            if (target.Kind.Version.Length == 0 || target.Kind.Kind.Length == 0)
            {
                throw new GatekeeperException($"inventory object {target.Name} has no {(target.Kind.Version.Length == 0 ? "version" : "kind")}");
            }

            var byKind = target.Namespace.Length == 0 ? cluster : Child(namespaced, target.Namespace);
            Child(Child(byKind, target.Kind.GroupVersion), target.Kind.Kind)[target.Name] = obj;
            if (target.Kind.IsNamespace)
            {
                _namespaces[target.Name] = obj;
            }

            count++;
        }

        Count = count;
        Data = ObjectValue.Of(("inventory", ObjectValue.Of(("cluster", ToValue(cluster)), ("namespace", ToValue(namespaced)))));
    }

    /// <summary>The data document, <c>{"inventory": {"cluster": …, "namespace": …}}</c>.</summary>
    public ObjectValue Data { get; }

    public int Count { get; }

    /// <summary>The Namespace object of that name, when the inventory holds it.</summary>
    public Value? Namespace(string name) => _namespaces.GetValueOrDefault(name);

    private static SortedDictionary<string, TValue> Child<TValue>(SortedDictionary<string, SortedDictionary<string, TValue>> parent, string key)
    {
        if (!parent.TryGetValue(key, out var child))
        {
            child = new SortedDictionary<string, TValue>(StringComparer.Ordinal);
            parent[key] = child;
        }

        return child;
    }

    private static ObjectValue ToValue<TValue>(SortedDictionary<string, TValue> map) =>
        ObjectValue.Of(map.Select(e => new KeyValuePair<Value, Value>(StringValue.Of(e.Key), e.Value switch
        {
            Value v => v,
            SortedDictionary<string, Value> m => ToValue(m),
            SortedDictionary<string, SortedDictionary<string, Value>> m => ToValue(m),
            SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, Value>>> m => ToValue(m),
            _ => throw new InvalidOperationException("unexpected inventory layout"),
        })));
}
