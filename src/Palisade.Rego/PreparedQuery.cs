using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Compilation;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Values;

namespace Palisade.Rego;

/// <summary>One solution of a query: the values of its variables, and of each of its expressions.</summary>
public sealed record QueryResult(IReadOnlyDictionary<string, Value> Bindings, IReadOnlyList<Value> Expressions);

/// <summary>A compiled query over compiled modules and data. Immutable: evaluate it as often, and on as many threads, as you like.</summary>
public sealed class PreparedQuery
{
    private readonly CompiledPolicy _policy;
    private readonly Body _query;
    private readonly ObjectValue _data;
    private readonly string[] _variables;
    private readonly CallResolutions _calls;

    internal PreparedQuery(CompiledPolicy policy, Body query, ObjectValue data, RegoOptions options, CallResolutions? calls = null)
    {
        _calls = calls ?? new CallResolutions();
        _policy = policy;
        _query = query;
        _data = data;
        Options = options;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Vars.Collect(query, names);
        _variables = names.Where(n => !n.StartsWith("__", StringComparison.Ordinal) && !n.StartsWith('$')).ToArray();
    }

    public RegoOptions Options { get; }

    /// <summary>The base data document this query reads.</summary>
    public ObjectValue Data => _data;

    /// <summary>
    /// The same compiled query over another base data document, without compiling again (conftest gives every input
    /// file its own <c>data.conftest.file</c>).
    /// </summary>
    public PreparedQuery WithData(ObjectValue data) => new(_policy, _query, data, Options, _calls);

    /// <summary>
    /// Every solution of the query for this input (null: no input document). <paramref name="locatedPrint"/>, when
    /// given, receives <c>print</c> output with the location of the call instead of <paramref name="print"/>.
    /// </summary>
    public IReadOnlyList<QueryResult> Evaluate(Value? input, EvaluationLimits? limits = null, Action<string>? print = null, Action<Location, string>? locatedPrint = null) =>
        Evaluate(input, limits, new EvaluationObserver { Print = print, LocatedPrint = locatedPrint });

    /// <summary>Every solution of the query for this input, reporting print output, builtin errors and the trace to <paramref name="observer"/>.</summary>
    public IReadOnlyList<QueryResult> Evaluate(Value? input, EvaluationLimits? limits, EvaluationObserver observer)
    {
        var builtins = new BuiltinContext(limits?.Cancellation ?? default) { Print = observer.Print, PrintAt = observer.LocatedPrint, Deadline = limits?.Deadline };
        var evaluator = new Evaluator(_policy, _data, input, builtins, limits ?? EvaluationLimits.Default, _calls, observer);
        var bindings = new Bindings();
        var results = new List<QueryResult>();
        evaluator.TraceQuery(observer.Trace is null ? string.Empty : RegoPrinter.Print(_query), () => evaluator.EvalBody(_query, 0, bindings, () =>
        {
            var values = new Dictionary<string, Value>(StringComparer.Ordinal);
            foreach (var name in _variables)
            {
                if (bindings.TryGet(name, out var value))
                {
                    values[name] = value;
                }
            }

            results.Add(new QueryResult(values, evaluator.Untraced(() => ExpressionValues(evaluator, bindings))));
            return true;
        }));
        return results;
    }

    /// <summary>An expression's value: its term's value when it is a lone term, else true (it held).</summary>
    private List<Value> ExpressionValues(Evaluator evaluator, Bindings bindings)
    {
        var values = new List<Value>(_query.Count);
        foreach (var expr in _query.Expressions)
        {
            Value value = BooleanValue.True;
            evaluator.EvalExprValue(expr, bindings, v =>
            {
                value = v;
                return false;
            });
            values.Add(value);
        }

        return values;
    }
}
