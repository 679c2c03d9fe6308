using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

/// <summary>
/// What one stretch of evaluation sees: the input, data paths replaced by <c>with</c>, and functions replaced by
/// <c>with</c>. Each <c>with</c> makes a new context, so rule results cached under one context are never reused
/// under another.
/// </summary>
internal sealed class EvaluationContext
{
    private static readonly Dictionary<string, Term> NoOverrides = new(StringComparer.Ordinal);

    public EvaluationContext(Value? input) => Input = input;

    private EvaluationContext(EvaluationContext parent)
    {
        Input = parent.Input;
        DataOverrides = parent.DataOverrides;
        FunctionOverrides = parent.FunctionOverrides;
    }

    /// <summary>The input document; null when there is none (refs to input are then undefined).</summary>
    public Value? Input { get; private init; }

    public IReadOnlyList<(IReadOnlyList<string> Path, Value Value)> DataOverrides { get; private init; } = [];

    /// <summary>Function name (dotted builtin name or data path text) → its replacement: a value, or a function ref.</summary>
    public IReadOnlyDictionary<string, Term> FunctionOverrides { get; private init; } = NoOverrides;

    public bool HasFunctionOverrides => FunctionOverrides.Count > 0;

    public bool HasDataOverrides => DataOverrides.Count > 0;

    public EvaluationContext WithInput(Value? input) => new(this) { Input = input };

    public EvaluationContext WithData(IReadOnlyList<string> path, Value value) =>
        new(this) { DataOverrides = [.. DataOverrides, (path, value)] };

    public EvaluationContext WithoutFunction(string name)
    {
        var overrides = new Dictionary<string, Term>(FunctionOverrides, StringComparer.Ordinal);
        overrides.Remove(name);
        return new(this) { FunctionOverrides = overrides };
    }

    public EvaluationContext WithFunction(string name, Term replacement) =>
        new(this) { FunctionOverrides = new Dictionary<string, Term>(FunctionOverrides, StringComparer.Ordinal) { [name] = replacement } };
}
