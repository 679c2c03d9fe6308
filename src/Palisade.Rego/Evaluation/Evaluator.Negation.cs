using Palisade.Rego.Ast;

namespace Palisade.Rego.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// OPA evaluates the reference arguments of a negated call to a user function before the negation (it reads
    /// <c>not f(x.y)</c> as <c>t = x.y; not f(t)</c>, opa#1877), so an undefined argument makes the whole expression
    /// undefined rather than true. Gatekeeper library policies rely on it (e.g. <c>not accept(rule, v, params.ranges)</c>).
    /// </summary>
    private bool NegatedCallHasUndefinedArgument(Expr expr, Bindings bindings)
    {
        if (expr.Content is not CallTerm call || call.Operator.HeadName != "data" || ResolveFunction(call).Node is null)
        {
            return false;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument is RefTerm && IsSingle(argument, bindings) && Single(argument, bindings) is null)
            {
                return true;
            }
        }

        return false;
    }
}
