using Palisade.Rego.Ast;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Rebuilds bodies and terms bottom-up through a function that may replace any term. Nodes that do not change are
/// kept, so rewriting a rule that needs nothing allocates nothing.
/// </summary>
internal static class TermRewriter
{
    public static Body Body(Body body, Func<Term, Term> map)
    {
        Expr[]? changed = null;
        for (var i = 0; i < body.Count; i++)
        {
            var expr = Expr(body[i], map);
            if (!ReferenceEquals(expr, body[i]))
            {
                changed ??= [.. body.Expressions];
                changed[i] = expr;
            }
        }

        return changed is null ? body : body with { Expressions = changed };
    }

    public static Expr Expr(Expr expr, Func<Term, Term> map)
    {
        var content = expr.Content switch
        {
            Term term => Term(term, map),
            SomeDecl some => some with { Symbols = List(some.Symbols, map) },
            Every every => every with
            {
                Key = every.Key is null ? null : Term(every.Key, map),
                Value = Term(every.Value, map),
                Domain = Term(every.Domain, map),
                Body = Body(every.Body, map),
            },
            var other => other,
        };
        var with = expr.With.Count == 0 ? expr.With
            : expr.With.Select(w => w with { Target = Term(w.Target, map), Value = Term(w.Value, map) }).ToArray();
        return ReferenceEquals(content, expr.Content) && ReferenceEquals(with, expr.With) ? expr : expr with { Content = content, With = with };
    }

    public static Term Term(Term term, Func<Term, Term> map)
    {
        var rebuilt = term switch
        {
            RefTerm r => Same(r.Head, Term(r.Head, map), r.Path, List(r.Path, map)) ? r : r with { Head = Term(r.Head, map), Path = List(r.Path, map) },
            CallTerm c => Rebuild(c, map),
            ArrayTerm a => Same(a.Items, List(a.Items, map)) ? a : a with { Items = List(a.Items, map) },
            SetTerm s => Same(s.Items, List(s.Items, map)) ? s : s with { Items = List(s.Items, map) },
            ObjectTerm o => RebuildObject(o, map),
            ArrayComprehension c => c with { Head = Term(c.Head, map), Body = Body(c.Body, map) },
            SetComprehension c => c with { Head = Term(c.Head, map), Body = Body(c.Body, map) },
            ObjectComprehension c => c with { Key = Term(c.Key, map), Value = Term(c.Value, map), Body = Body(c.Body, map) },
            TemplateStringTerm t => t with
            {
                Parts = t.Parts.Select(p => p.Expression is null ? p : p with { Expression = Expr(p.Expression, map) }).ToArray(),
            },
            _ => term,
        };
        return map(rebuilt);
    }

    private static CallTerm Rebuild(CallTerm call, Func<Term, Term> map)
    {
        var op = Term(call.Operator, map);
        var args = List(call.Arguments, map);
        return ReferenceEquals(op, call.Operator) && ReferenceEquals(args, call.Arguments) && op is RefTerm
            ? call
            : call with { Operator = op as RefTerm ?? new RefTerm(op, [], op.Location), Arguments = args };
    }

    private static ObjectTerm RebuildObject(ObjectTerm obj, Func<Term, Term> map)
    {
        var changed = false;
        var items = new ObjectItem[obj.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var key = Term(obj.Items[i].Key, map);
            var value = Term(obj.Items[i].Value, map);
            changed |= !ReferenceEquals(key, obj.Items[i].Key) || !ReferenceEquals(value, obj.Items[i].Value);
            items[i] = new ObjectItem(key, value);
        }

        return changed ? obj with { Items = items } : obj;
    }

    public static IReadOnlyList<Term> List(IReadOnlyList<Term> terms, Func<Term, Term> map)
    {
        Term[]? changed = null;
        for (var i = 0; i < terms.Count; i++)
        {
            var term = Term(terms[i], map);
            if (!ReferenceEquals(term, terms[i]))
            {
                changed ??= [.. terms];
                changed[i] = term;
            }
        }

        return changed ?? terms;
    }

    private static bool Same(object a, object b) => ReferenceEquals(a, b);

    private static bool Same(object a1, object b1, object a2, object b2) => ReferenceEquals(a1, b1) && ReferenceEquals(a2, b2);
}
