using Palisade.Rego.Ast;
using Palisade.Rego.Compilation;
using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation.Tracing;

namespace Palisade.Rego.Evaluation;

/// <summary>The evaluation trace and the builtin error list: reported to the observer, never kept.</summary>
internal sealed partial class Evaluator
{
    private readonly Action<TraceEvent>? _trace;
    private readonly Action<RegoException>? _builtinError;
    private int _traceDepth;
    private bool _tracePaused;

    private void Emit(TraceOp op, string text, Location location)
    {
        if (!_tracePaused)
        {
            _trace!(new TraceEvent(op, _traceDepth, text, location));
        }
    }

    /// <summary>Eval, then Redo before each further solution, or Fail when there was none.</summary>
    private bool EvalExprTraced(Expr expr, Bindings bindings, Func<bool> next)
    {
        var text = RegoPrinter.Print(expr);
        Emit(TraceOp.Eval, text, expr.Location);
        var solutions = 0;
        var result = EvalExprModified(expr, bindings, () =>
        {
            if (solutions++ > 0)
            {
                Emit(TraceOp.Redo, text, expr.Location);
            }

            return next();
        });
        if (solutions == 0)
        {
            Emit(TraceOp.Fail, text, expr.Location);
        }

        return result;
    }

    /// <summary>Evaluates a rule's body one level deeper in the trace, between Enter and one Exit per solution.</summary>
    private bool TraceRule(CompiledRule rule, Func<Func<bool>, bool> body, Func<bool> next)
    {
        if (_trace is null)
        {
            return body(next);
        }

        Emit(TraceOp.Enter, rule.PathText, rule.Location);
        _traceDepth++;
        try
        {
            return body(() =>
            {
                Emit(TraceOp.Exit, rule.PathText, rule.Location);
                return next();
            });
        }
        finally
        {
            _traceDepth--;
        }
    }

    /// <summary>Runs a query one level below its Enter event.</summary>
    public T TraceQuery<T>(string text, Func<T> query)
    {
        if (_trace is null)
        {
            return query();
        }

        Emit(TraceOp.Enter, text, Location.None);
        _traceDepth++;
        try
        {
            return query();
        }
        finally
        {
            _traceDepth--;
        }
    }

    /// <summary>Work the trace should not show, such as reading the values of a query's expressions after it held.</summary>
    public T Untraced<T>(Func<T> work)
    {
        var paused = _tracePaused;
        _tracePaused = true;
        try
        {
            return work();
        }
        finally
        {
            _tracePaused = paused;
        }
    }
}
