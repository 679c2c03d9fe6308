using Palisade.Rego.Ast;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Replaces terms of an expression from the outside in: where the replacement function gives a term, that term is
/// used and not entered. Comprehensions are ordered this way, since a comprehension's body is ordered with what its
/// own surroundings bind, so the comprehensions nested in it are its business, not the expression's. The body of an
/// <c>every</c> is never entered for the same reason.
/// </summary>
internal static class OutermostClosures
{
    public static Expr Replace(Expr expr, Func<Term, Term?> replace)
    {
        var content = expr.Content switch
        {
            Term term => Term(term, replace),
            SomeDecl some => some with { Symbols = some.Symbols.Select(s => Term(s, replace)).ToArray() },
            Every every => every with { Domain = Term(every.Domain, replace) },
            var other => other,
        };
        var with = expr.With.Count == 0 ? expr.With : expr.With.Select(w => w with { Value = Term(w.Value, replace) }).ToArray();
        return expr with { Content = content, With = with };
    }

    private static Term Term(Term term, Func<Term, Term?> replace) => replace(term) ?? term switch
    {
        RefTerm r => r with { Head = Term(r.Head, replace), Path = r.Path.Select(t => Term(t, replace)).ToArray() },
        CallTerm c => c with { Arguments = c.Arguments.Select(t => Term(t, replace)).ToArray() },
        ArrayTerm a => a with { Items = a.Items.Select(t => Term(t, replace)).ToArray() },
        SetTerm s => s with { Items = s.Items.Select(t => Term(t, replace)).ToArray() },
        ObjectTerm o => o with { Items = o.Items.Select(i => new ObjectItem(Term(i.Key, replace), Term(i.Value, replace))).ToArray() },
        TemplateStringTerm t => t with
        {
            Parts = t.Parts.Select(p => p.Expression is null ? p : p with { Expression = Replace(p.Expression, replace) }).ToArray(),
        },
        _ => term,
    };
}
