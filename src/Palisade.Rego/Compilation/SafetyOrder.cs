using Palisade.Rego.Ast;
using Palisade.Rego.Errors;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Orders a body so that each expression runs only once the variables it reads are bound, as OPA reorders bodies
/// for safety: expressions keep their written order unless one must wait for a later one. A body that cannot be
/// ordered has an unsafe variable, reported as OPA reports it.
/// </summary>
internal sealed class SafetyOrder(Func<CallTerm, int?> arityOf)
{
    /// <summary>Orders a body given the variables bound before it; <paramref name="arityOf"/> tells how many arguments a called function takes.</summary>
    public static Body Order(Body body, ISet<string> bound, Func<CallTerm, int?> arityOf) => new SafetyOrder(arityOf).Order(body, bound);

    private Body Order(Body body, ISet<string> bound)
    {
        var remaining = body.Expressions.ToList();
        var outerScope = _closureScope;
        var ordered = new List<Expr>(remaining.Count);
        var safe = new HashSet<string>(bound, StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            var index = remaining.FindIndex(e => Ready(e, safe, ClosureScope(body, e, bound, outerScope)));
            if (index < 0)
            {
                var unsafeVar = remaining.SelectMany(e => Needed(e, safe, ClosureScope(body, e, bound, outerScope))).First();
                throw new RegoException(ErrorCodes.UnsafeVarError, $"var {unsafeVar} is unsafe", remaining[0].Location);
            }

            var expr = remaining[index];
            remaining.RemoveAt(index);
            _closureScope = ClosureScope(body, expr, bound, outerScope);
            ordered.Add(OrderNested(expr, safe));
            _closureScope = outerScope;
            Bind(expr, safe);
        }

        return body with { Expressions = ordered };
    }

    /// <summary>Variables of the enclosing scopes, used in comprehensions nested in a body's expressions.</summary>
    private HashSet<string>? _closureScope;

    /// <summary>
    /// The variables a comprehension inside <paramref name="expr"/> shares with its surroundings: those bound before the
    /// body, mentioned by the body's other expressions, or shared with the enclosing scopes. Only these are read from
    /// outside; every other variable of the comprehension is its own.
    /// </summary>
    private static HashSet<string> ClosureScope(Body body, Expr expr, ISet<string> bound, HashSet<string>? outer)
    {
        var scope = new HashSet<string>(bound, StringComparer.Ordinal);
        if (outer is not null)
        {
            scope.UnionWith(outer);
        }

        var position = IndexOf(body, expr);
        for (var i = 0; i < body.Count; i++)
        {
            var other = body[i];
            if (ReferenceEquals(other, expr))
            {
                continue;
            }

            // A variable declared with := exists only from its declaration on, so a later declaration is not shared.
            if (i > position && other.Content is CallTerm { Name: Operators.Assign } assign)
            {
                Vars.Collect(TermRewriter.Term(assign.Arguments[1], WithoutComprehension), scope);
                continue;
            }

            // Another expression's own comprehensions keep their variables to themselves.
            Vars.Collect(TermRewriter.Expr(other, WithoutComprehension), scope);
        }

        return scope;
    }

    /// <summary>Comprehensions, <c>every</c> and <c>not</c> bodies are ordered with the variables bound around them.</summary>
    private Expr OrderNested(Expr expr, HashSet<string> safe) =>
        TermRewriter.Expr(expr, term => term switch
        {
            ArrayComprehension c => c with { Body = Order(c.Body, safe) },
            SetComprehension c => c with { Body = Order(c.Body, safe) },
            ObjectComprehension c => c with { Body = Order(c.Body, safe) },
            _ => term,
        }) is var rewritten && rewritten.Content is Every every
            ? rewritten with { Content = every with { Body = Order(every.Body, WithVars(safe, every)) } }
            : rewritten;

    /// <summary>What the comprehensions in an expression read from around them.</summary>
    private static void ClosureReads(Expr expr, HashSet<string> closureScope, HashSet<string> reads) =>
        TermRewriter.Expr(expr, term =>
        {
            if (term is ArrayComprehension or SetComprehension or ObjectComprehension)
            {
                var mentioned = new HashSet<string>(StringComparer.Ordinal);
                Vars.Collect(term, mentioned);
                mentioned.IntersectWith(closureScope);
                reads.UnionWith(mentioned);
            }

            return term;
        });

    private static HashSet<string> WithVars(HashSet<string> safe, Every every)
    {
        var inner = new HashSet<string>(safe, StringComparer.Ordinal);
        if (every.Key is not null)
        {
            Vars.Collect(every.Key, inner);
        }

        Vars.Collect(every.Value, inner);
        return inner;
    }

    private bool Ready(Expr expr, ISet<string> safe, HashSet<string> closureScope) => !Needed(expr, safe, closureScope).Any();

    /// <summary>Variables the expression reads that are not bound yet.</summary>
    private IEnumerable<string> Needed(Expr expr, ISet<string> safe, HashSet<string> closureScope)
    {
        var reads = new HashSet<string>(StringComparer.Ordinal);
        ClosureReads(expr, closureScope, reads);
        foreach (var with in expr.With)
        {
            // with count as mock_count: a function named as the replacement is no variable.
            if (with.Value is VarTerm or RefTerm && NamesFunction(with.Value))
            {
                continue;
            }

            Vars.Collect(with.Value, reads);
        }

        if (expr.Negated)
        {
            Vars.Collect(expr, reads);
            Reads(expr, reads, safe, negated: true);
        }
        else
        {
            Reads(expr, reads, safe, negated: false);
        }

        return reads.Where(v => !safe.Contains(v));
    }

    private void Reads(Expr expr, HashSet<string> reads, ISet<string> safe, bool negated)
    {
        switch (expr.Content)
        {
            case CallTerm { Name: Operators.Unify } unify when !negated:
                UnifyReads(unify.Arguments[0], unify.Arguments[1], reads, safe);
                break;
            case CallTerm { Name: Operators.Assign } assign when !negated:
                TermReads(assign.Arguments[1], reads);
                break;
            case CallTerm { Name: Operators.Member or Operators.MemberWithKey } member when !negated:
                TermReads(member.Arguments[^1], reads);
                break;
            case CallTerm call when !negated:
                // An argument past the function's arity is its output: a pattern the result is unified with.
                var inputs = arityOf(call) is { } arity && call.Arguments.Count == arity + 1 ? arity : call.Arguments.Count;
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    if (i < inputs)
                    {
                        TermReads(call.Arguments[i], reads);
                    }
                    else if (!IsPattern(call.Arguments[i]))
                    {
                        TermReads(call.Arguments[i], reads);
                    }
                }

                break;
            case SomeDecl some:
                foreach (var symbol in some.Symbols.OfType<CallTerm>())
                {
                    TermReads(symbol.Arguments[^1], reads);
                }

                break;
            case Every every:
                TermReads(every.Domain, reads);
                break;
            case Term term when !negated:
                TermReads(term, reads);
                break;
        }
    }

    /// <summary>
    /// In <c>a = b</c> either side may bind the other's variables, so only one side needs to be known; arrays and
    /// objects of the same shape unify element by element.
    /// </summary>
    private static void UnifyReads(Term a, Term b, HashSet<string> reads, ISet<string> safe)
    {
        if (a is ArrayTerm left && b is ArrayTerm right && left.Items.Count == right.Items.Count)
        {
            for (var i = 0; i < left.Items.Count; i++)
            {
                UnifyReads(left.Items[i], right.Items[i], reads, safe);
            }

            return;
        }

        if (a is ObjectTerm leftObject && b is ObjectTerm rightObject && ObjectPairs(leftObject, rightObject) is { } pairs)
        {
            foreach (var (x, y) in pairs)
            {
                UnifyReads(x, y, reads, safe);
            }

            return;
        }

        var aReads = new HashSet<string>(StringComparer.Ordinal);
        TermReads(a, aReads);
        var bReads = new HashSet<string>(StringComparer.Ordinal);
        TermReads(b, bReads);
        var aKnown = IsPattern(a) ? aReads.All(safe.Contains) && PatternKnown(a, safe) : aReads.All(safe.Contains);
        var bKnown = IsPattern(b) ? bReads.All(safe.Contains) && PatternKnown(b, safe) : bReads.All(safe.Contains);
        if (aKnown || bKnown)
        {
            reads.UnionWith(aKnown ? aReads : bReads);
            if (aKnown && !IsPattern(b))
            {
                TermReads(b, reads);
            }
            else if (bKnown && !IsPattern(a))
            {
                TermReads(a, reads);
            }

            return;
        }

        reads.UnionWith(aReads);
        reads.UnionWith(bReads);
        var patternVars = new HashSet<string>(StringComparer.Ordinal);
        PatternVars(a, patternVars);
        PatternVars(b, patternVars);
        reads.UnionWith(patternVars);
    }

    private static bool IsPattern(Term term) => term is VarTerm or ArrayTerm or ObjectTerm;

    private bool NamesFunction(Term term)
    {
        var reference = term as RefTerm ?? new RefTerm(term, [], term.Location);
        return arityOf(new CallTerm(reference, [], term.Location)) is not null;
    }

    /// <summary>Values of two object terms paired by their (scalar) keys, when both have exactly the same keys.</summary>
    public static IReadOnlyList<(Term, Term)>? ObjectPairs(ObjectTerm a, ObjectTerm b)
    {
        if (a.Items.Count != b.Items.Count || a.Items.Any(i => i.Key is not ScalarTerm) || b.Items.Any(i => i.Key is not ScalarTerm))
        {
            return null;
        }

        var pairs = new List<(Term, Term)>();
        foreach (var item in a.Items)
        {
            var match = b.Items.FirstOrDefault(other => ((ScalarTerm)other.Key).Value.Equals(((ScalarTerm)item.Key).Value));
            if (match is null)
            {
                return null;
            }

            pairs.Add((item.Value, match.Value));
        }

        return pairs;
    }

    private static bool PatternKnown(Term term, ISet<string> safe)
    {
        var vars = new HashSet<string>(StringComparer.Ordinal);
        PatternVars(term, vars);
        return vars.All(safe.Contains);
    }

    /// <summary>Variables a term reads: all of them except those it binds (in ref paths, iteration binds them).</summary>
    private static void TermReads(Term term, HashSet<string> reads)
    {
        switch (term)
        {
            case VarTerm:
            case ArrayTerm:
            case ObjectTerm:
            case SetTerm:
                // As values, composite terms read their variables; as unification patterns they bind them, which the
                // unification case handles before asking this.
                Vars.Collect(term, reads);
                break;
            case RefTerm r:
                TermReads(r.Head, reads);
                foreach (var item in r.Path)
                {
                    // Path elements are unified with the keys they meet, so their pattern variables are bound, not read.
                    var itemVars = new HashSet<string>(StringComparer.Ordinal);
                    TermReads(item, itemVars);
                    var bound = new HashSet<string>(StringComparer.Ordinal);
                    PatternVars(item, bound);
                    itemVars.ExceptWith(bound);
                    reads.UnionWith(itemVars);
                }

                break;
            case CallTerm c:
                foreach (var argument in c.Arguments)
                {
                    TermReads(argument, reads);
                }

                break;
            case ArrayComprehension or SetComprehension or ObjectComprehension:
                // Closures read only the variables bound around them; their own are local. The comprehension's body
                // is ordered with what is bound at this point.
                break;
            case TemplateStringTerm template:
                // Each embedded expression is a small body of its own: what it declares or binds inside is local.
                foreach (var part in template.Parts.Where(p => p.Expression is not null))
                {
                    var expr = part.Expression!;
                    var mentioned = new HashSet<string>(StringComparer.Ordinal);
                    if (expr.Content is Term embedded)
                    {
                        TermReads(embedded, mentioned);
                    }
                    else
                    {
                        Vars.Collect(expr, mentioned);
                    }

                    var local = new HashSet<string>(StringComparer.Ordinal);
                    Vars.CollectDeclared(new Body([expr], expr.Location), local);
                    mentioned.ExceptWith(local);
                    reads.UnionWith(mentioned);
                }

                break;
            default:
                Vars.Collect(term, reads);
                break;
        }
    }

    private static void PatternVars(Term term, ISet<string> into)
    {
        switch (term)
        {
            case VarTerm v when !v.IsWildcard:
                into.Add(v.Name);
                break;
            case ArrayTerm a:
                foreach (var item in a.Items)
                {
                    PatternVars(item, into);
                }

                break;
            case ObjectTerm o:
                foreach (var item in o.Items)
                {
                    PatternVars(item.Value, into);
                }

                break;
        }
    }

    /// <summary>After an expression runs, every variable it mentions outside closures is bound.</summary>
    private static void Bind(Expr expr, ISet<string> safe)
    {
        if (expr.Negated)
        {
            return;
        }

        switch (expr.Content)
        {
            case Every:
                return;
            case SomeDecl some:
                foreach (var symbol in some.Symbols.OfType<CallTerm>())
                {
                    Vars.Collect(symbol, safe);
                }

                return;
            case Term term:
                Outer(term, safe);
                return;
        }
    }

    /// <summary>Adds the variables a term binds: all it mentions outside its comprehensions (whose variables are their own).</summary>
    private static void Outer(Term term, ISet<string> into) => Vars.Collect(TermRewriter.Term(term, WithoutComprehension), into);

    private static int IndexOf(Body body, Expr expr)
    {
        for (var i = 0; i < body.Count; i++)
        {
            if (ReferenceEquals(body[i], expr))
            {
                return i;
            }
        }

        return body.Count;
    }

    /// <summary>A comprehension replaced by a constant, for asking what an expression mentions outside its comprehensions.</summary>
    private static Term WithoutComprehension(Term term) =>
        term is ArrayComprehension or SetComprehension or ObjectComprehension ? new ScalarTerm(Values.NullValue.Instance, term.Location) : term;
}
