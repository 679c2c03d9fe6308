namespace Palisade.Rego.Builtins;

/// <summary>The builtins a compiler and evaluator know, by name.</summary>
public sealed class BuiltinRegistry
{
    private readonly Dictionary<string, BuiltinFunction> _byName = new(StringComparer.Ordinal);

    public BuiltinRegistry(IEnumerable<BuiltinFunction> functions)
    {
        foreach (var function in functions)
        {
            if (!_byName.TryAdd(function.Name, function))
            {
                throw new ArgumentException($"builtin {function.Name} is defined twice", nameof(functions));
            }
        }
    }

    /// <summary>Every builtin Palisade implements.</summary>
    public static BuiltinRegistry Default { get; } = new(BuiltinFamilies.All.SelectMany(family => family()));

    public IEnumerable<BuiltinFunction> Functions => _byName.Values;

    /// <summary>These builtins and <paramref name="more"/> (a tool's own, such as conftest's); a name already known is replaced.</summary>
    public BuiltinRegistry With(IEnumerable<BuiltinFunction> more)
    {
        var added = more.ToList();
        var names = added.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return new BuiltinRegistry(Functions.Where(f => !names.Contains(f.Name)).Concat(added));
    }

    public bool TryGet(string name, out BuiltinFunction function) => _byName.TryGetValue(name, out function!);
}
