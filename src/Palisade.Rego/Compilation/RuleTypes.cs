using Palisade.Rego.Types;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Inferred rule value types: those a policy's own check found, shared read-only by all its queries, and those a
/// check finds on top of them. A query's check thus reads the policy's types instead of typing every rule again.
/// </summary>
internal sealed class RuleTypes(RuleTypes? policy = null)
{
    private readonly Dictionary<CompiledRule, RegoType> _found = new(ReferenceEqualityComparer.Instance);

    public bool TryGetValue(CompiledRule rule, out RegoType type)
    {
        if (policy is not null && policy.TryGetValue(rule, out type))
        {
            return true;
        }

        return _found.TryGetValue(rule, out type!);
    }

    public void Add(CompiledRule rule, RegoType type) => _found.Add(rule, type);
}
