using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

/// <summary>
/// The fast path for terms that have one value or none: constants, bound variables, refs that do not iterate,
/// calls of such terms, and collections of them. They are evaluated directly, without continuations, which is
/// most of the work in admission-style policies.
/// </summary>
internal sealed partial class Evaluator
{
    private static readonly Func<bool> Stop = static () => false;

    /// <summary>True when <see cref="Single"/> can evaluate the term: it cannot iterate and needs no unbound variable.</summary>
    private bool IsSingle(Term term, Bindings bindings)
    {
        switch (term)
        {
            case ScalarTerm:
                return true;
            case VarTerm variable:
                return !variable.IsWildcard && bindings.IsBound(variable.Name);
            case RefTerm reference:
                if (reference.Head is not VarTerm head || head.IsWildcard ||
                    !(bindings.IsBound(head.Name) || head.Name is "input" or "data"))
                {
                    return false;
                }

                return AllSingle(reference.Path, bindings);
            case CallTerm call:
                if (call.Name is Operators.Unify or Operators.Assign or Operators.Member or Operators.MemberWithKey or "print" or "internal.print" ||
                    _context.HasFunctionOverrides)
                {
                    return false;
                }

                var function = ResolveFunction(call);
                if (function.Arity != call.Arguments.Count || function.Builtin is { Relation: not null } || function.FixedValue is not null)
                {
                    return false;
                }

                return AllSingle(call.Arguments, bindings);
            case ArrayTerm array:
                return AllSingle(array.Items, bindings);
            case SetTerm set:
                return AllSingle(set.Items, bindings);
            case ObjectTerm obj:
                for (var i = 0; i < obj.Items.Count; i++)
                {
                    if (!IsSingle(obj.Items[i].Key, bindings) || !IsSingle(obj.Items[i].Value, bindings))
                    {
                        return false;
                    }
                }

                return true;
            case ArrayComprehension or SetComprehension or ObjectComprehension or TemplateStringTerm:
                return true; // each has exactly one value, whatever its body does
            default:
                return false;
        }
    }

    private bool AllSingle(IReadOnlyList<Term> terms, Bindings bindings)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (!IsSingle(terms[i], bindings))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of a term <see cref="IsSingle"/> accepted; null when it is undefined.</summary>
    private Value? Single(Term term, Bindings bindings)
    {
        switch (term)
        {
            case ScalarTerm scalar:
                return scalar.Value;
            case VarTerm variable:
                bindings.TryGet(variable.Name, out var bound);
                return bound;
            case RefTerm reference:
                return SingleRef(reference, bindings);
            case CallTerm call:
                return SingleCall(call, bindings);
            case ArrayTerm array:
                return SingleItems(array.Items, bindings) is { } items ? ArrayValue.Wrap(items) : null;
            case SetTerm set:
                return SingleItems(set.Items, bindings) is { } elements ? SetValue.Of(elements) : null;
            case ObjectTerm obj:
                var entries = new KeyValuePair<Value, Value>[obj.Items.Count];
                for (var i = 0; i < entries.Length; i++)
                {
                    if (Single(obj.Items[i].Key, bindings) is not { } key || Single(obj.Items[i].Value, bindings) is not { } value)
                    {
                        return null;
                    }

                    entries[i] = new KeyValuePair<Value, Value>(key, value);
                }

                return ObjectValue.Of(entries);
            default:
                return GeneralValue(term, bindings);
        }
    }

    /// <summary>The value of a single-valued term by the general path (which must not come back here).</summary>
    private Value? GeneralValue(Term term, Bindings bindings)
    {
        Value? result = null;
        EvalTermGeneral(term, bindings, value =>
        {
            result = value;
            return false;
        });
        return result;
    }

    private Value[]? SingleItems(IReadOnlyList<Term> terms, Bindings bindings)
    {
        var values = new Value[terms.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (Single(terms[i], bindings) is not { } value)
            {
                return null;
            }

            values[i] = value;
        }

        return values;
    }

    private Value? SingleRef(RefTerm reference, Bindings bindings)
    {
        var head = (VarTerm)reference.Head;
        Value? current;
        if (bindings.TryGet(head.Name, out var local))
        {
            current = local;
        }
        else if (head.Name == "input")
        {
            current = _context.Input;
        }
        else
        {
            return GeneralValue(reference, bindings); // under data: rules, base documents and overrides
        }

        for (var i = 0; i < reference.Path.Count; i++)
        {
            if (current is null)
            {
                return null;
            }

            var segment = reference.Path[i];
            var key = segment is ScalarTerm constant ? constant.Value : Single(segment, bindings);
            current = key is null ? null : Lookup(current, key);
        }

        return current;
    }

    private Value? SingleCall(CallTerm call, Bindings bindings)
    {
        var function = ResolveFunction(call);
        var arguments = new Value[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (Single(call.Arguments[i], bindings) is not { } argument)
            {
                return null;
            }

            arguments[i] = argument;
        }

        if (function.Node is { } node)
        {
            return CallFunction(node, arguments, call.Location);
        }

        return CallBuiltin(function, arguments, call.Location);
    }
}
