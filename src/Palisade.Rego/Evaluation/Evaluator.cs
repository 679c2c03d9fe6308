using System.Runtime.CompilerServices;
using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Compilation;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

/// <summary>
/// Top-down evaluation with backtracking, as OPA's topdown evaluates. Every Eval method enumerates solutions by
/// calling its continuation once per solution, with the solution's bindings in place, and undoes its bindings before
/// it returns. A continuation returns false to stop the enumeration (used by <c>not</c>, <c>every</c> and limits).
/// </summary>
internal sealed partial class Evaluator
{
    private readonly CompiledPolicy _policy;
    private readonly ObjectValue _data;
    private readonly BuiltinContext _builtins;
    private readonly EvaluationLimits _limits;
    private readonly CallResolutions _calls;
    private readonly Stack<Bindings> _freeBindings = new();
    private readonly Bindings _noBindings = new();
    private readonly Dictionary<(RuleTree Node, EvaluationContext Context), Value?> _ruleCache = [];
    private readonly HashSet<(RuleTree Node, EvaluationContext Context)> _evaluating = [];
    private EvaluationContext _context;
    private long _steps;

    public Evaluator(CompiledPolicy policy, ObjectValue data, Value? input, BuiltinContext builtins, EvaluationLimits limits, CallResolutions calls, EvaluationObserver observer)
    {
        _trace = observer.Trace;
        _builtinError = observer.BuiltinError;
        _calls = calls;
        _policy = policy;
        _data = data;
        _builtins = builtins;
        _limits = limits;
        _context = new EvaluationContext(input);
    }

    public bool StrictBuiltinErrors => _limits.StrictBuiltinErrors;

    public bool EvalBody(Body body, int index, Bindings bindings, Func<bool> next)
    {
        var mark = bindings.Mark;
        for (; index < body.Count; index++)
        {
            // A trace shows every expression, so none takes the direct path, which would skip it.
            if (_trace is not null || !TryEvalDirect(body[index], bindings, out var holds))
            {
                break;
            }

            if (!holds)
            {
                bindings.Undo(mark);
                return true;
            }
        }

        var result = index == body.Count ? next() : EvalBodyFrom(body, index, bindings, next);
        bindings.Undo(mark);
        return result;
    }

    private bool EvalBodyFrom(Body body, int index, Bindings bindings, Func<bool> next) =>
        EvalExpr(body[index], bindings, () => EvalBody(body, index + 1, bindings, next));

    private bool EvalExpr(Expr expr, Bindings bindings, Func<bool> next)
    {
        Step(expr.Location);
        return _trace is null ? EvalExprModified(expr, bindings, next) : EvalExprTraced(expr, bindings, next);
    }

    /// <summary>The expression under its with modifiers.</summary>
    private bool EvalExprModified(Expr expr, Bindings bindings, Func<bool> next)
    {
        return expr.With.Count == 0
            ? EvalUnmodified(expr, bindings, next)
            : UnderWith<bool>(expr.With, 0, bindings, inner => EvalUnmodified(expr, bindings, () => inner(true)), _ => next());
    }

    /// <summary>The expression without its with modifiers (they are in force around this call).</summary>
    private bool EvalUnmodified(Expr expr, Bindings bindings, Func<bool> next)
    {
        if (expr.Negated)
        {
            if (NegatedCallHasUndefinedArgument(expr, bindings))
            {
                return false;
            }

            var found = !EvalPositive(expr, bindings, Stop);
            return found || next();
        }

        return EvalPositive(expr, bindings, next);
    }

    /// <summary>
    /// The values of an expression, as queries and templates report them: a lone term's value (under its with
    /// modifiers), otherwise true for each way the expression holds.
    /// </summary>
    public bool EvalExprValue(Expr expr, Bindings bindings, Func<Value, bool> next)
    {
        if (expr.Negated || expr.Content is not Term term || term is CallTerm { Name: Operators.Unify or Operators.Assign or Operators.Member or Operators.MemberWithKey })
        {
            return EvalExpr(expr, bindings, () => next(BooleanValue.True));
        }

        if (term is CallTerm call && !IsValueCall(call))
        {
            return EvalExpr(expr, bindings, () => next(BooleanValue.True));
        }

        return expr.With.Count == 0
            ? EvalTerm(term, bindings, next)
            : UnderWith<Value>(expr.With, 0, bindings, inner => EvalTerm(term, bindings, inner), next);
    }

    /// <summary>
    /// Runs <paramref name="body"/> with the with modifiers from <paramref name="index"/> on in force. Each solution
    /// reaches <paramref name="next"/> back in the outer context: a with applies to its own expression only.
    /// </summary>
    private bool UnderWith<T>(IReadOnlyList<WithModifier> withs, int index, Bindings bindings, Func<Func<T, bool>, bool> body, Func<T, bool> next)
    {
        if (index == withs.Count)
        {
            return body(next);
        }

        var saved = _context;
        return EvalWithValue(withs[index], bindings, replacement =>
        {
            _context = replacement;
            try
            {
                return UnderWith<T>(withs, index + 1, bindings, body, solution =>
                {
                    var inside = _context;
                    _context = saved;
                    try
                    {
                        return next(solution);
                    }
                    finally
                    {
                        _context = inside;
                    }
                });
            }
            finally
            {
                _context = saved;
            }
        });
    }

    /// <summary>A call whose arguments match its arity has a value; one with an extra output argument only holds.</summary>
    private bool IsValueCall(CallTerm call) => call.Name is not ("print" or "internal.print") && ResolveFunction(call).Arity == call.Arguments.Count;

    private bool EvalPositive(Expr expr, Bindings bindings, Func<bool> next) => expr.Content switch
    {
        CallTerm call => EvalCallExpr(call, bindings, next),
        SomeDecl some => EvalSome(some, 0, bindings, next),
        Every every => EvalEvery(every, bindings, next),
        Term term => EvalTerm(term, bindings, value => value is BooleanValue { Value: false } || next()),
        _ => throw new RegoException(ErrorCodes.CompileError, $"cannot evaluate {expr.Content.GetType().Name}", expr.Location),
    };

    private bool EvalSome(SomeDecl some, int index, Bindings bindings, Func<bool> next)
    {
        while (index < some.Symbols.Count && some.Symbols[index] is not CallTerm)
        {
            index++;
        }

        return index == some.Symbols.Count
            ? next()
            : EvalCallExpr((CallTerm)some.Symbols[index], bindings, () => EvalSome(some, index + 1, bindings, next));
    }

    private bool EvalEvery(Every every, Bindings bindings, Func<bool> next) =>
        EvalTerm(every.Domain, bindings, domain =>
        {
            if (domain is not (ArrayValue or ObjectValue or SetValue))
            {
                return true; // every over something that is not a collection is undefined, as in OPA
            }

            foreach (var (key, value) in Members(domain))
            {
                var mark = bindings.Mark;
                var holds = false;
                if ((every.Key is null || UnifyValue(every.Key, key, bindings)) && UnifyValue(every.Value, value, bindings))
                {
                    EvalBody(every.Body, 0, bindings, () =>
                    {
                        holds = true;
                        return false;
                    });
                }

                bindings.Undo(mark);
                if (!holds)
                {
                    return true;
                }
            }

            return next();
        });

    private bool EvalWithValue(WithModifier with, Bindings bindings, Func<EvaluationContext, bool> next)
    {
        var target = with.Target as RefTerm ?? new RefTerm(with.Target, [], with.Target.Location);
        var head = target.HeadName;
        var path = target.Path.Select(t => t is ScalarTerm { Value: StringValue s } ? s.Value : null).ToList();
        if (head is "input" or "data" && path.All(p => p is not null))
        {
            var node = head == "data" ? _policy.Root.Find(path!) : null;
            if (node is { IsFunction: true })
            {
                var function = with.Value as RefTerm ?? (with.Value is VarTerm name2 && !bindings.IsBound(name2.Name) ? new RefTerm(name2, [], name2.Location) : null);
                return function is not null && IsFunctionRef(function)
                    ? next(_context.WithFunction("data." + string.Join('.', path), function))
                    : EvalTerm(with.Value, bindings, value => next(_context.WithFunction("data." + string.Join('.', path), new ScalarTerm(value, with.Value.Location))));
            }

            return EvalTerm(with.Value, bindings, value => next(head == "input"
                ? _context.WithInput(ValuePaths.Set(_context.Input, path!, 0, value))
                : _context.WithData(path!, value)));
        }

        // with count as mock: a builtin replaced by another function, or by a value computed here and now.
        var name = target.DottedName() ?? target.ToString();
        var replacement = with.Value as RefTerm ?? (with.Value is VarTerm name1 && !bindings.IsBound(name1.Name) ? new RefTerm(name1, [], name1.Location) : null);
        if (replacement is not null && IsFunctionRef(replacement))
        {
            return next(_context.WithFunction(name, replacement));
        }

        return EvalTerm(with.Value, bindings, value => next(_context.WithFunction(name, new ScalarTerm(value, with.Value.Location))));
    }

    /// <summary>Counts work done, so that a runaway policy ends in an error rather than a hang.</summary>
    private void Step(Location location)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new RegoException(ErrorCodes.CancelError, "evaluation nested too deeply", location);
        }

        if (++_steps % 1024 != 0)
        {
            return;
        }

        if (_limits.Cancellation.IsCancellationRequested || (_limits.Deadline is { } deadline && DateTimeOffset.UtcNow > deadline))
        {
            throw new RegoException(ErrorCodes.CancelError, "caller cancelled query execution", location);
        }

        if (_steps > _limits.MaxSteps)
        {
            throw new RegoException(ErrorCodes.CancelError, $"evaluation exceeded {_limits.MaxSteps} steps", location);
        }
    }

    /// <summary>The (key, value) pairs of a collection: index and item, key and value, or element twice for sets.</summary>
    private static IEnumerable<(Value Key, Value Value)> Members(Value collection)
    {
        switch (collection)
        {
            case ArrayValue array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (NumberValue.Of(i), array[i]);
                }

                break;
            case ObjectValue obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    yield return (obj.Keys[i], obj.Values[i]);
                }

                break;
            case SetValue set:
                foreach (var item in set.Items.ToArray())
                {
                    yield return (item, item);
                }

                break;
        }
    }
}
