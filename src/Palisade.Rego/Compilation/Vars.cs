using Palisade.Rego.Ast;

namespace Palisade.Rego.Compilation;

/// <summary>Which variables a term or expression mentions, and which of them it can bind.</summary>
internal static class Vars
{
    /// <summary>The documents every ref starts from; never variables once names are resolved.</summary>
    public static bool IsRoot(string name) => name is "data" or "input";

    /// <summary>Every variable in a term, including those inside comprehensions.</summary>
    public static void Collect(Term term, ISet<string> into)
    {
        switch (term)
        {
            case VarTerm v when !v.IsWildcard && !IsRoot(v.Name):
                into.Add(v.Name);
                break;
            case RefTerm r:
                Collect(r.Head, into);
                foreach (var item in r.Path)
                {
                    Collect(item, into);
                }

                break;
            case CallTerm c:
                foreach (var argument in c.Arguments)
                {
                    Collect(argument, into);
                }

                break;
            case ArrayTerm a:
                foreach (var item in a.Items)
                {
                    Collect(item, into);
                }

                break;
            case SetTerm s:
                foreach (var item in s.Items)
                {
                    Collect(item, into);
                }

                break;
            case ObjectTerm o:
                foreach (var item in o.Items)
                {
                    Collect(item.Key, into);
                    Collect(item.Value, into);
                }

                break;
            case ArrayComprehension c:
                Collect(c.Head, into);
                Collect(c.Body, into);
                break;
            case SetComprehension c:
                Collect(c.Head, into);
                Collect(c.Body, into);
                break;
            case ObjectComprehension c:
                Collect(c.Key, into);
                Collect(c.Value, into);
                Collect(c.Body, into);
                break;
            case TemplateStringTerm t:
                foreach (var part in t.Parts)
                {
                    if (part.Expression is not null)
                    {
                        Collect(part.Expression, into);
                    }
                }

                break;
        }
    }

    public static void Collect(Body body, ISet<string> into)
    {
        foreach (var expr in body.Expressions)
        {
            Collect(expr, into);
        }
    }

    public static void Collect(Expr expr, ISet<string> into)
    {
        switch (expr.Content)
        {
            case Term term:
                Collect(term, into);
                break;
            case SomeDecl some:
                foreach (var symbol in some.Symbols)
                {
                    Collect(symbol, into);
                }

                break;
            case Every every:
                if (every.Key is not null)
                {
                    Collect(every.Key, into);
                }

                Collect(every.Value, into);
                Collect(every.Domain, into);
                Collect(every.Body, into);
                break;
        }

        foreach (var with in expr.With)
        {
            Collect(with.Value, into);
        }
    }

    /// <summary>Variables declared in a body: <c>x := …</c>, <c>some x</c>, <c>some x in …</c>, <c>every k, v in …</c>.</summary>
    public static void CollectDeclared(Body body, ISet<string> into, bool nested = true)
    {
        foreach (var expr in body.Expressions)
        {
            switch (expr.Content)
            {
                case CallTerm { Name: Operators.Assign } assign:
                    Collect(assign.Arguments[0], into);
                    break;
                case SomeDecl some:
                    foreach (var symbol in some.Symbols)
                    {
                        if (symbol is CallTerm member && member.Arguments.Count > 0)
                        {
                            for (var i = 0; i < member.Arguments.Count - 1; i++)
                            {
                                Collect(member.Arguments[i], into);
                            }
                        }
                        else
                        {
                            Collect(symbol, into);
                        }
                    }

                    break;
                case Every every:
                    if (every.Key is not null)
                    {
                        Collect(every.Key, into);
                    }

                    Collect(every.Value, into);
                    if (nested)
                    {
                        CollectDeclared(every.Body, into);
                    }

                    break;
            }

            if (!nested)
            {
                continue;
            }

            foreach (var inner in NestedBodies(expr))
            {
                CollectDeclared(inner, into);
            }
        }
    }

    private static IEnumerable<Body> NestedBodies(Expr expr)
    {
        var bodies = new List<Body>();
        if (expr.Content is Term term)
        {
            TermRewriter.Term(term, t =>
            {
                switch (t)
                {
                    case ArrayComprehension a:
                        bodies.Add(a.Body);
                        break;
                    case SetComprehension s:
                        bodies.Add(s.Body);
                        break;
                    case ObjectComprehension o:
                        bodies.Add(o.Body);
                        break;
                }

                return t;
            });
        }

        return bodies;
    }
}
