using System.Collections.Concurrent;
using Palisade.Rego.Ast;

namespace Palisade.Rego.Evaluation;

/// <summary>
/// What each call of a prepared query resolves to when no with replaces functions, remembered across evaluations
/// and threads: resolution needs the call's name, which is text built from its operator.
/// </summary>
internal sealed class CallResolutions
{
    private readonly ConcurrentDictionary<CallTerm, Callable> _byCall = new(ReferenceEqualityComparer.Instance);

    public bool TryGet(CallTerm call, out Callable callable) => _byCall.TryGetValue(call, out callable!);

    public void Add(CallTerm call, Callable callable) => _byCall.TryAdd(call, callable);
}
