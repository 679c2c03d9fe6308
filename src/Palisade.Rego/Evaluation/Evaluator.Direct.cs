using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

/// <summary>
/// Expressions with at most one solution — comparisons, calls, assignments of single values, negations — are
/// evaluated in a loop over the body instead of through a continuation each: no closures on the common path.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>
    /// Evaluates an expression that has at most one solution, leaving its bindings in place for the caller to undo.
    /// False when the expression needs the general path (it may iterate, or carries with modifiers).
    /// </summary>
    private bool TryEvalDirect(Expr expr, Bindings bindings, out bool holds)
    {
        holds = false;
        if (expr.With.Count > 0)
        {
            return false;
        }

        if (expr.Negated)
        {
            Step(expr.Location);
            holds = !NegatedCallHasUndefinedArgument(expr, bindings) && EvalPositive(expr, bindings, Stop); // enumeration runs to its end only when there is no solution
            return true;
        }

        switch (expr.Content)
        {
            case CallTerm call:
                return TryCallDirect(call, bindings, expr.Location, out holds);
            case SomeDecl some when some.Symbols.All(symbol => symbol is not CallTerm):
                Step(expr.Location);
                holds = true;
                return true;
            case Term term when term is not CallTerm && IsSingle(term, bindings):
                Step(expr.Location);
                holds = Single(term, bindings) is { } value && value is not BooleanValue { Value: false };
                return true;
            default:
                return false;
        }
    }

    private bool TryCallDirect(CallTerm call, Bindings bindings, Location location, out bool holds)
    {
        holds = false;
        var args = call.Arguments;
        switch (call.Name)
        {
            case Operators.Unify or Operators.Assign:
                if (IsPattern(args[0], bindings) && IsSingle(args[1], bindings))
                {
                    Step(location);
                    holds = Single(args[1], bindings) is { } right && UnifyValue(args[0], right, bindings);
                    return true;
                }

                if (IsPattern(args[1], bindings) && IsSingle(args[0], bindings))
                {
                    Step(location);
                    holds = Single(args[0], bindings) is { } left && UnifyValue(args[1], left, bindings);
                    return true;
                }

                return false;
            case Operators.Member or Operators.MemberWithKey or "print" or "internal.print":
                return false;
        }

        if (_context.HasFunctionOverrides)
        {
            return false;
        }

        var function = ResolveFunction(call);
        if (args.Count == function.Arity && IsSingle(call, bindings))
        {
            Step(location);
            holds = Single(call, bindings) is { } result && result is not BooleanValue { Value: false };
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when unifying the term with a value cannot branch: variables, values, and arrays and objects of them
    /// (object keys known). Refs and calls inside may iterate, so they take the general path.
    /// </summary>
    private bool IsPattern(Term term, Bindings bindings)
    {
        switch (term)
        {
            case VarTerm or ScalarTerm:
                return true;
            case ArrayTerm array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (!IsPattern(array.Items[i], bindings))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectTerm obj:
                for (var i = 0; i < obj.Items.Count; i++)
                {
                    if (!IsSingle(obj.Items[i].Key, bindings) || !IsPattern(obj.Items[i].Value, bindings))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return IsSingle(term, bindings);
        }
    }
}
