using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Compilation;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>A call used as an expression: unification, membership, print, or a function whose result must hold.</summary>
    private bool EvalCallExpr(CallTerm call, Bindings bindings, Func<bool> next)
    {
        var args = call.Arguments;
        switch (call.Name)
        {
            case Operators.Unify or Operators.Assign:
                return Unify(args[0], args[1], bindings, next);
            case Operators.Member:
                return EvalMember(null, args[0], args[1], bindings, next);
            case Operators.MemberWithKey:
                return EvalMember(args[0], args[1], args[2], bindings, next);
            case "print" or "internal.print":
                Print(call.Location, args, bindings);
                return next();
        }

        var function = ResolveFunction(call);
        if (args.Count == function.Arity + 1)
        {
            return EvalTerms(args.Take(function.Arity).ToArray(), 0, new Value[function.Arity], bindings, values =>
                Invoke(function, values, call.Location, result => UnifyValue(args[^1], result, bindings, next)));
        }

        if (IsSingle(call, bindings))
        {
            return Single(call, bindings) is not { } value || value is BooleanValue { Value: false } || next();
        }

        return EvalCall(call, bindings, result => result is BooleanValue { Value: false } || next());
    }

    /// <summary>A call used as a value (nested in another term): its result, or several for relations such as walk.</summary>
    private bool EvalCall(CallTerm call, Bindings bindings, Func<Value, bool> next)
    {
        if (call.Name is Operators.Member or Operators.MemberWithKey)
        {
            // As a value, `x in xs` is true or false rather than a condition.
            var found = false;
            EvalCallExpr(call, bindings, () =>
            {
                found = true;
                return false;
            });
            return next(BooleanValue.Of(found));
        }

        var function = ResolveFunction(call);
        if (call.Arguments.Count != function.Arity)
        {
            throw new RegoException(
                ErrorCodes.TypeError,
                $"{call.Name}: arity mismatch: {function.Arity} arguments expected, {call.Arguments.Count} given",
                call.Location);
        }

        return EvalTerms(call.Arguments, 0, new Value[call.Arguments.Count], bindings, values => Invoke(function, values, call.Location, next));
    }

    private bool EvalMember(Term? key, Term value, Term collection, Bindings bindings, Func<bool> next) =>
        EvalTerm(collection, bindings, items =>
        {
            foreach (var (k, v) in Members(items))
            {
                var mark = bindings.Mark;
                var matched = (key is null || UnifyValue(key, k, bindings)) && UnifyValue(value, v, bindings);
                var go = !matched || next();
                bindings.Undo(mark);
                if (!go)
                {
                    return false;
                }
            }

            return true;
        });

    private void Print(Location location, IReadOnlyList<Term> args, Bindings bindings)
    {
        if (_builtins.Print is null && _builtins.PrintAt is null)
        {
            return;
        }

        var text = string.Join(' ', args.Select(arg => SingleValue(arg, bindings) is { } value ? Display(value) : "<undefined>"));
        if (_builtins.PrintAt is { } printAt)
        {
            printAt(location, text);
        }
        else
        {
            _builtins.Print?.Invoke(text);
        }
    }

    /// <summary>What a call's operator names: a user function, a builtin, or what a with replaced either by.</summary>
    private Callable ResolveFunction(CallTerm call)
    {
        if (_context.HasFunctionOverrides)
        {
            return ResolveUncached(call);
        }

        if (_calls.TryGet(call, out var known))
        {
            return known;
        }

        var resolved = ResolveUncached(call);
        _calls.Add(call, resolved);
        return resolved;
    }

    private Callable ResolveUncached(CallTerm call)
    {
        var name = FunctionName(call.Operator);
        if (_context.FunctionOverrides.TryGetValue(name, out var replacement))
        {
            if (replacement is RefTerm target && IsFunctionRef(target))
            {
                // The replacement sees the original: a mock of count may call count.
                var replaced = ResolveUncached(call with { Operator = target });
                return replaced with { Arity = Arity(call, replaced.Arity), Unmocks = name };
            }

            var fixedValue = replacement;
            return new Callable(name, Arity(call, 0), null, null, fixedValue);
        }

        if (call.Operator.HeadName == "data")
        {
            var path = call.Operator.Path.Select(t => ((StringValue)((ScalarTerm)t).Value).Value).ToArray();
            var node = _policy.Root.Find(path) ?? throw new RegoException(ErrorCodes.TypeError, $"undefined function {name}", call.Location);
            var arity = node.Rules.Concat(node.Defaults).FirstOrDefault()?.Arguments?.Count ?? 0;
            return new Callable(name, arity, node, null, null);
        }

        if (_policy.Builtins.TryGet(name, out var builtin))
        {
            return new Callable(name, builtin.Arity, null, builtin, null);
        }

        throw new RegoException(ErrorCodes.TypeError, $"undefined function {name}", call.Location);
    }

    private static int Arity(CallTerm call, int known) => known > 0 ? known : call.Arguments.Count;

    private bool IsFunctionRef(RefTerm target) => target.HeadName == "data"
        ? _policy.Root.Find(target.Path.Select(t => t is ScalarTerm { Value: StringValue s } ? s.Value : "").ToArray()) is { IsFunction: true }
        : _policy.Builtins.TryGet(target.DottedName() ?? "", out _);

    private static string FunctionName(RefTerm op) =>
        op.HeadName == "data" ? "data." + string.Join('.', op.Path.Select(t => t is ScalarTerm { Value: StringValue s } ? s.Value : t.ToString())) : op.DottedName() ?? op.ToString();

    /// <summary>A builtin's value for the arguments; null when it is undefined, or failed without strict builtin errors.</summary>
    private Value? CallBuiltin(Callable function, Value[] arguments, Location location)
    {
        try
        {
            _builtins.CallLocation = location;
            return function.Builtin!.Implementation!(_builtins, arguments);
        }
        catch (Exception ex) when (ex is BuiltinException or OperationCanceledException)
        {
            ThrowIfFatal(function, ex, location);
            return null;
        }
    }

    /// <summary>A relation's values for the arguments (walk); none when it failed without strict builtin errors.</summary>
    private List<Value> CallRelation(Callable function, Value[] arguments, Location location)
    {
        try
        {
            _builtins.CallLocation = location;
            return function.Builtin!.Relation!(_builtins, arguments).ToList();
        }
        catch (Exception ex) when (ex is BuiltinException or OperationCanceledException)
        {
            ThrowIfFatal(function, ex, location);
            return [];
        }
    }

    /// <summary>
    /// A builtin's failure ends the query when the caller cancelled, or with strict builtin errors (as OPA's
    /// eval_builtin_error or eval_type_error); otherwise the call is merely undefined.
    /// </summary>
    private void ThrowIfFatal(Callable function, Exception failure, Location location)
    {
        if (failure is OperationCanceledException)
        {
            throw BuiltinCancelled(location);
        }

        if (StrictBuiltinErrors || _builtinError is not null)
        {
            var code = failure is BuiltinTypeException ? ErrorCodes.EvalTypeError : ErrorCodes.BuiltinError;
            var error = new RegoException(code, $"{function.Name}: {failure.Message}", location);
            if (StrictBuiltinErrors)
            {
                throw error;
            }

            _builtinError!(error);
        }
    }

    private bool Invoke(Callable function, Value[] arguments, Location location, Func<Value, bool> next)
    {
        if (function.FixedValue is { } fixedValue)
        {
            return EvalTerm(fixedValue, new Bindings(), next);
        }

        if (function.Node is { } node)
        {
            var outer = _context;
            Value? result;
            try
            {
                _context = function.Unmocks is { } original ? _context.WithoutFunction(original) : _context;
                result = CallFunction(node, arguments, location);
            }
            finally
            {
                _context = outer;
            }

            return result is null || next(result);
        }

        if (function.Builtin!.Relation is null)
        {
            return CallBuiltin(function, arguments, location) is not { } single || next(single);
        }

        var results = CallRelation(function, arguments, location);
        foreach (var result in results)
        {
            if (!next(result))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A builtin that stopped for the caller's cancellation or the deadline ends the query as the evaluator would.</summary>
    private static RegoException BuiltinCancelled(Location location) =>
        new(ErrorCodes.CancelError, "caller cancelled query execution", location);
}
