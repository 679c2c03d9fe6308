using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

/// <summary>
/// Variable bindings of one evaluation, undone on backtracking: every binding is recorded on a trail, and
/// <see cref="Undo"/> unbinds back to a mark. Variables are renamed apart by the compiler, so one table serves
/// a rule body and the comprehensions nested in it.
/// </summary>
internal sealed class Bindings
{
    private readonly Dictionary<string, Value> _values = new(StringComparer.Ordinal);
    private readonly List<string> _trail = [];

    public int Mark => _trail.Count;

    public bool TryGet(string name, out Value value) => _values.TryGetValue(name, out value!);

    public bool IsBound(string name) => _values.ContainsKey(name);

    public void Bind(string name, Value value)
    {
        _values.Add(name, value);
        _trail.Add(name);
    }

    public void Undo(int mark)
    {
        for (var i = _trail.Count - 1; i >= mark; i--)
        {
            _values.Remove(_trail[i]);
        }

        _trail.RemoveRange(mark, _trail.Count - mark);
    }

    public IEnumerable<KeyValuePair<string, Value>> All => _values;
}
