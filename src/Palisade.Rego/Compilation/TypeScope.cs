using Palisade.Rego.Types;

namespace Palisade.Rego.Compilation;

/// <summary>
/// The types inferred so far for the variables of one body; a comprehension or <c>every</c> body opens an inner scope
/// whose own declarations (<c>:=</c>, <c>some</c>) shadow the outer ones. A variable without a type yet maps to null.
/// </summary>
internal sealed class TypeScope(TypeScope? outer)
{
    private readonly Dictionary<string, RegoType?> _types = new(StringComparer.Ordinal);

    public void Declare(string name) => _types[name] = null;

    public RegoType? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Outer)
        {
            if (scope._types.TryGetValue(name, out var type))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Records a variable's type in the scope that declared it, or in this one when none did.</summary>
    public void Bind(string name, RegoType? type)
    {
        for (var scope = this; scope is not null; scope = scope.Outer)
        {
            if (scope._types.ContainsKey(name))
            {
                scope._types[name] = type;
                return;
            }
        }

        _types[name] = type;
    }

    private TypeScope? Outer { get; } = outer;
}
