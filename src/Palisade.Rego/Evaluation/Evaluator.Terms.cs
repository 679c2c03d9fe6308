using System.Text;
using Palisade.Rego.Ast;
using Palisade.Rego.Compilation;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>Enumerates the values of a term: one for most terms, several for refs that iterate.</summary>
    public bool EvalTerm(Term term, Bindings bindings, Func<Value, bool> next)
    {
        if (term is RefTerm or CallTerm or ArrayTerm or SetTerm or ObjectTerm && IsSingle(term, bindings))
        {
            return Single(term, bindings) is not { } value || next(value);
        }

        return EvalTermGeneral(term, bindings, next);
    }

    /// <summary>EvalTerm without the fast path for single values (which falls back on this one).</summary>
    private bool EvalTermGeneral(Term term, Bindings bindings, Func<Value, bool> next)
    {
        switch (term)
        {
            case ScalarTerm scalar:
                return next(scalar.Value);
            case VarTerm variable:
                if (bindings.TryGet(variable.Name, out var bound))
                {
                    return next(bound);
                }

                throw new RegoException(ErrorCodes.UnsafeVarError, $"var {variable.Name} is unsafe", variable.Location);
            case RefTerm reference:
                return EvalRef(reference, bindings, next);
            case CallTerm call:
                return EvalCall(call, bindings, next);
            case ArrayTerm array:
                return EvalArray(array, bindings, next);
            case SetTerm set:
                return EvalSet(set, bindings, next);
            case ObjectTerm obj:
                return EvalObject(obj, bindings, next);
            case ArrayComprehension comprehension:
                return next(ArrayValue.Wrap(Collect(comprehension.Body, comprehension.Head, bindings).ToArray()));
            case SetComprehension comprehension:
                return next(SetValue.Of(Collect(comprehension.Body, comprehension.Head, bindings)));
            case ObjectComprehension comprehension:
                return next(EvalObjectComprehension(comprehension, bindings));
            case TemplateStringTerm template:
                return next(EvalTemplate(template, bindings));
            default:
                throw new RegoException(ErrorCodes.CompileError, $"cannot evaluate {term.GetType().Name}", term.Location);
        }
    }

    // The lambdas live in methods of their own: a method that builds one captures its parameters in an object made
    // on every call, whichever branch runs.
    private bool EvalArray(ArrayTerm array, Bindings bindings, Func<Value, bool> next) =>
        EvalTerms(array.Items, 0, new Value[array.Items.Count], bindings, values => next(ArrayValue.Of(values)));

    private bool EvalSet(SetTerm set, Bindings bindings, Func<Value, bool> next) =>
        EvalTerms(set.Items, 0, new Value[set.Items.Count], bindings, values => next(SetValue.Of(values)));

    /// <summary>The values of a comprehension's head for every solution of its body.</summary>
    private List<Value> Collect(Body body, Term head, Bindings bindings)
    {
        var items = new List<Value>();
        EvalBody(body, 0, bindings, () => EvalTerm(head, bindings, value =>
        {
            items.Add(value);
            return true;
        }));
        return items;
    }

    /// <summary>
    /// Enumerates the values of several terms together. <paramref name="next"/> gets the same array each time, filled
    /// anew: it must copy what it keeps.
    /// </summary>
    private bool EvalTerms(IReadOnlyList<Term> terms, int index, Value[] values, Bindings bindings, Func<Value[], bool> next)
    {
        for (; index < terms.Count && IsSingle(terms[index], bindings); index++)
        {
            if (Single(terms[index], bindings) is not { } value)
            {
                return true;
            }

            values[index] = value;
        }

        return index == terms.Count ? next(values) : EvalTermsFrom(terms, index, values, bindings, next);
    }

    private bool EvalTermsFrom(IReadOnlyList<Term> terms, int index, Value[] values, Bindings bindings, Func<Value[], bool> next) =>
        EvalTerm(terms[index], bindings, value =>
        {
            values[index] = value;
            return EvalTerms(terms, index + 1, values, bindings, next);
        });

    private bool EvalObject(ObjectTerm obj, Bindings bindings, Func<Value, bool> next)
    {
        var terms = new Term[obj.Items.Count * 2];
        for (var i = 0; i < obj.Items.Count; i++)
        {
            terms[2 * i] = obj.Items[i].Key;
            terms[(2 * i) + 1] = obj.Items[i].Value;
        }

        return EvalTerms(terms, 0, new Value[terms.Length], bindings, values =>
        {
            var entries = new KeyValuePair<Value, Value>[obj.Items.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = new KeyValuePair<Value, Value>(values[2 * i], values[(2 * i) + 1]);
            }

            return next(ObjectValue.Of(entries));
        });
    }

    private ObjectValue EvalObjectComprehension(ObjectComprehension comprehension, Bindings bindings)
    {
        var entries = new Dictionary<Value, Value>();
        EvalBody(comprehension.Body, 0, bindings, () => EvalTerm(comprehension.Key, bindings, key => EvalTerm(comprehension.Value, bindings, value =>
        {
            if (entries.TryGetValue(key, out var existing) && !existing.Equals(value))
            {
                throw new RegoException(ErrorCodes.ConflictError, "object keys must be unique", comprehension.Location);
            }

            entries[key] = value;
            return true;
        })));
        return ObjectValue.Of(entries);
    }

    private StringValue EvalTemplate(TemplateStringTerm template, Bindings bindings)
    {
        var text = new StringBuilder();
        foreach (var part in template.Parts)
        {
            if (part.Expression is null)
            {
                text.Append(part.Text);
                continue;
            }

            var values = new List<Value>();
            var embedded = part.Expression;
            EvalExprValue(embedded, bindings, value =>
            {
                values.Add(value);
                return true;
            });

            text.Append(values.Count switch
            {
                0 => "<undefined>",
                1 => Display(values[0]),
                _ => throw new RegoException(ErrorCodes.ConflictError, "template expression produced multiple outputs", embedded.Location),
            });
        }

        return StringValue.Of(text.ToString());
    }

    /// <summary>A value as print and templates show it: strings bare, everything else as a term.</summary>
    private static string Display(Value value) => value is StringValue s ? s.Value : value.ToString();

    /// <summary>Unifies two terms: binds the variables of either side so that both have the same value.</summary>
    private bool Unify(Term a, Term b, Bindings bindings, Func<bool> next)
    {
        if (a is ArrayTerm left && b is ArrayTerm right)
        {
            return left.Items.Count != right.Items.Count || UnifyAll(left.Items, right.Items, 0, bindings, next);
        }

        if (a is ObjectTerm leftObject && b is ObjectTerm rightObject && SafetyOrder.ObjectPairs(leftObject, rightObject) is { } pairs)
        {
            return UnifyAll(pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray(), 0, bindings, next);
        }

        var (pattern, source) = IsUnboundPattern(a, bindings) ? (a, b) : (b, a);
        if (IsSingle(source, bindings))
        {
            return Single(source, bindings) is not { } value || UnifyValue(pattern, value, bindings, next);
        }

        return EvalTerm(source, bindings, value => UnifyValue(pattern, value, bindings, next));
    }

    private bool UnifyAll(IReadOnlyList<Term> a, IReadOnlyList<Term> b, int index, Bindings bindings, Func<bool> next)
    {
        if (index == a.Count)
        {
            return next();
        }

        // An element whose both sides still have unbound variables may be decided by a later one: do that one first.
        if (IsUnboundPattern(a[index], bindings) && IsUnboundPattern(b[index], bindings))
        {
            for (var later = index + 1; later < a.Count; later++)
            {
                if (!(IsUnboundPattern(a[later], bindings) && IsUnboundPattern(b[later], bindings)))
                {
                    var (reorderedA, reorderedB) = (Swap(a, index, later), Swap(b, index, later));
                    return UnifyAll(reorderedA, reorderedB, index, bindings, next);
                }
            }
        }

        return Unify(a[index], b[index], bindings, () => UnifyAll(a, b, index + 1, bindings, next));
    }

    private static Term[] Swap(IReadOnlyList<Term> terms, int i, int j)
    {
        var copy = terms.ToArray();
        (copy[i], copy[j]) = (copy[j], copy[i]);
        return copy;
    }

    /// <summary>Unifies a term with a value, binding the term's unbound variables, then continues.</summary>
    private bool UnifyValue(Term pattern, Value value, Bindings bindings, Func<bool> next)
    {
        if (pattern is not (VarTerm or ArrayTerm or ObjectTerm))
        {
            // A ref may iterate: its variables stay bound while the rest of the body runs.
            return EvalTerm(pattern, bindings, candidate => !candidate.Equals(value) || next());
        }

        var mark = bindings.Mark;
        if (!UnifyValue(pattern, value, bindings))
        {
            bindings.Undo(mark);
            return true;
        }

        var result = next();
        bindings.Undo(mark);
        return result;
    }

    /// <summary>Binds what a pattern needs to equal a value; false when it cannot. Bindings are left for the caller to undo.</summary>
    private bool UnifyValue(Term pattern, Value value, Bindings bindings)
    {
        switch (pattern)
        {
            case VarTerm { IsWildcard: true }:
                return true;
            case VarTerm variable:
                if (bindings.TryGet(variable.Name, out var bound))
                {
                    return bound.Equals(value);
                }

                bindings.Bind(variable.Name, value);
                return true;
            case ArrayTerm array when IsUnboundPattern(array, bindings):
                if (value is not ArrayValue items || items.Count != array.Items.Count)
                {
                    return false;
                }

                for (var i = 0; i < items.Count; i++)
                {
                    if (!UnifyValue(array.Items[i], items[i], bindings))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectTerm obj when IsUnboundPattern(obj, bindings):
                if (value is not ObjectValue entries || entries.Count != obj.Items.Count)
                {
                    return false;
                }

                foreach (var item in obj.Items)
                {
                    var key = SingleValue(item.Key, bindings);
                    if (key is null || !entries.TryGetValue(key, out var entry) || !UnifyValue(item.Value, entry, bindings))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return HasValue(pattern, value, bindings);
        }
    }

    /// <summary>True when one of the term's values equals the value.</summary>
    private bool HasValue(Term term, Value value, Bindings bindings)
    {
        if (IsSingle(term, bindings))
        {
            return Single(term, bindings) is { } single && single.Equals(value);
        }

        var equal = false;
        EvalTerm(term, bindings, candidate =>
        {
            equal = candidate.Equals(value);
            return !equal;
        });
        return equal;
    }

    /// <summary>The value of a term that cannot iterate, or null when it is undefined.</summary>
    private Value? SingleValue(Term term, Bindings bindings) =>
        IsSingle(term, bindings) ? Single(term, bindings) : GeneralValue(term, bindings);

    /// <summary>True when the term has unbound variables in a position unification binds (a var, or inside an array or object).</summary>
    private static bool IsUnboundPattern(Term term, Bindings bindings)
    {
        switch (term)
        {
            case VarTerm v:
                return v.IsWildcard || !bindings.IsBound(v.Name);
            case ArrayTerm a:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (IsUnboundPattern(a.Items[i], bindings))
                    {
                        return true;
                    }
                }

                return false;
            case ObjectTerm o:
                for (var i = 0; i < o.Items.Count; i++)
                {
                    if (IsUnboundPattern(o.Items[i].Value, bindings))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
