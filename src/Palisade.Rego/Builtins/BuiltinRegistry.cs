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

    public bool TryGet(string name, out BuiltinFunction function) => _byName.TryGetValue(name, out function!);
}
