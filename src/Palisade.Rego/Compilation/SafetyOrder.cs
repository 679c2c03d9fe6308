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
            // Like OPA, each pass walks the waiting expressions in written order and takes every one that is ready,
            // so an expression freed by a later one waits for the next pass.
            var taken = 0;
            for (var index = 0; index < remaining.Count;)
            {
                var expr = remaining[index];
                var scope = ClosureScope(body, expr, bound, outerScope);
                if (!Ready(expr, safe, scope))
                {
                    index++;
                    continue;
                }

                remaining.RemoveAt(index);
                foreach (var hoisted in HoistIteratedRefs(ref expr, safe, scope))
                {
                    ordered.Add(hoisted);
                    Bind(hoisted, safe);
                }

                _closureScope = scope;
                try
                {
                    ordered.Add(OrderNested(expr, safe));
                }
                finally
                {
                    _closureScope = outerScope;
                }

                Bind(expr, safe);
                taken++;
            }

            if (taken == 0)
            {
                var unsafeVar = remaining.SelectMany(e => Needed(e, safe, ClosureScope(body, e, bound, outerScope))).First();
                throw new RegoException(ErrorCodes.UnsafeVarError, $"var {unsafeVar} is unsafe", remaining[0].Location);
            }
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

        // A variable declared (with := or some) after this expression is another variable than the one of the same
        // name in this expression's comprehensions: those keep theirs to themselves.
        var declaredLater = new HashSet<string>(StringComparer.Ordinal);
        Vars.CollectDeclared(new Body(body.Expressions.Skip(position + 1).ToList(), body.Location), declaredLater, nested: false);
        var others = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Count; i++)
        {
            // A bare `some x` only declares: it binds nothing, so on its own it does not make a comprehension's x
            // the body's (OPA drops the declaration once it has renamed the variable).
            if (i != position && !IsBareDeclaration(body[i]))
            {
                // Another expression's own comprehensions keep their variables to themselves.
                Vars.Collect(TermRewriter.Expr(body[i], WithoutComprehension), others);
            }
        }

        others.ExceptWith(declaredLater);
        scope.UnionWith(others);
        return scope;
    }

    private static bool IsBareDeclaration(Expr expr) =>
        expr.Content is SomeDecl some && some.Symbols.All(symbol => symbol is not CallTerm);

    /// <summary>Comprehensions, <c>every</c> and <c>not</c> bodies are ordered with the variables bound around them.</summary>
    private Expr OrderNested(Expr expr, HashSet<string> safe) =>
        OutermostClosures.Replace(expr, term => term switch
        {
            ArrayComprehension c => OrderWithHeads(c.Body, [c.Head], safe, (body, heads) => c with { Head = heads[0], Body = body }),
            SetComprehension c => OrderWithHeads(c.Body, [c.Head], safe, (body, heads) => c with { Head = heads[0], Body = body }),
            ObjectComprehension c => OrderWithHeads(c.Body, [c.Key, c.Value], safe, (body, heads) => c with { Key = heads[0], Value = heads[1], Body = body }),
            _ => null,
        }) is var rewritten && rewritten.Content is Every every
            ? rewritten with { Content = every with { Body = Order(every.Body, WithVars(safe, every)) } }
            : rewritten;

    /// <summary>
    /// Orders a comprehension's body. OPA evaluates a head that holds refs or calls as the body's last expression,
    /// which the ordering may move up, so a ref in the head can bind the variables it iterates over for the body
    /// (<c>[wanted[i] | not ok(wanted[i][0])]</c>). A body that cannot be ordered alone is ordered that way.
    /// </summary>
    private Term OrderWithHeads(Body body, Term[] heads, HashSet<string> safe, Func<Body, IReadOnlyList<Term>, Term> rebuild)
    {
        try
        {
            return rebuild(Order(body, safe), heads);
        }
        catch (RegoException unsafeBody) when (unsafeBody.Code == ErrorCodes.UnsafeVarError && heads.Any(NeedsEvaluation))
        {
            var standIns = new Term[heads.Length];
            var expressions = body.Expressions.ToList();
            for (var i = 0; i < heads.Length; i++)
            {
                if (!NeedsEvaluation(heads[i]))
                {
                    standIns[i] = heads[i];
                    continue;
                }

                var standIn = StandIn(heads[i].Location);
                standIns[i] = standIn;
                expressions.Add(Unification(standIn, heads[i]));
            }

            try
            {
                return rebuild(Order(body with { Expressions = expressions }, safe), standIns);
            }
            catch (RegoException again) when (again.Code == ErrorCodes.UnsafeVarError)
            {
                throw unsafeBody;
            }
        }
    }

    /// <summary>Whether a head term holds a ref or a call, which OPA evaluates as an expression of the body.</summary>
    private static bool NeedsEvaluation(Term head)
    {
        var found = false;
        TermRewriter.Term(head, term =>
        {
            found |= term is RefTerm or CallTerm;
            return term;
        });
        return found;
    }

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

    /// <summary>Refs and comprehension heads moved into expressions of their own so far, for naming the variables that stand for them.</summary>
    private int _standIns;

    /// <summary>
    /// When an expression reads a variable that only a ref inside it binds (<c>foo == xs[foo]</c>), the ref is
    /// evaluated first into a variable of its own, as OPA rewrites such refs, so the variable is bound when read.
    /// </summary>
    private List<Expr> HoistIteratedRefs(ref Expr expr, HashSet<string> safe, HashSet<string> closureScope)
    {
        var hoisted = new List<Expr>();
        if (expr.Negated || expr.Content is not Term)
        {
            return hoisted;
        }

        var readFirst = Needed(expr, safe, closureScope, countIteration: false).ToHashSet(StringComparer.Ordinal);
        if (readFirst.Count == 0)
        {
            return hoisted;
        }

        expr = OutermostClosures.Replace(expr, term =>
        {
            switch (term)
            {
                case ArrayComprehension or SetComprehension or ObjectComprehension or TemplateStringTerm:
                    return term;
                case RefTerm reference when HeadKnown(reference, safe) && reference.Path.Any(item => item is VarTerm v && readFirst.Contains(v.Name)):
                    var standIn = StandIn(reference.Location);
                    hoisted.Add(Unification(standIn, reference));
                    return standIn;
                default:
                    return null;
            }
        });
        return hoisted;
    }

    private static bool HeadKnown(RefTerm reference, ISet<string> safe) =>
        reference.Head is not VarTerm head || Vars.IsRoot(head.Name) || safe.Contains(head.Name);

    /// <summary>A variable no Rego source can spell, so it meets no variable of the policy.</summary>
    private VarTerm StandIn(Location location) => new($"${_standIns++}", location);

    private static Expr Unification(Term left, Term right) =>
        new(new CallTerm(Parsing.OperatorRefs.Get(Operators.Unify, right.Location), [left, right], right.Location), Negated: false, [], right.Location);

    private bool Ready(Expr expr, ISet<string> safe, HashSet<string> closureScope) => !Needed(expr, safe, closureScope).Any();

    /// <summary>Variables the expression reads that are not bound yet.</summary>
    private IEnumerable<string> Needed(Expr expr, ISet<string> safe, HashSet<string> closureScope, bool countIteration = true)
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
            // A negated expression binds nothing: it reads every variable it mentions, but a comprehension inside it
            // reads only what it shares with its surroundings (counted above).
            Vars.Collect(TermRewriter.Expr(expr, WithoutComprehension), reads);
            Reads(expr, reads, safe, negated: true);
        }
        else
        {
            // Refs are walked before the expression is evaluated, so the variables they iterate over are bound
            // even where the expression also reads them (foo == xs[foo]), as in OPA. Comprehensions still need
            // them bound before.
            var iterated = new HashSet<string>(StringComparer.Ordinal);
            if (countIteration && expr.Content is Term term)
            {
                IteratedVars(term, safe, iterated);
            }

            var own = new HashSet<string>(StringComparer.Ordinal);
            Reads(expr, own, iterated.Count == 0 ? safe : new HashSet<string>(safe.Concat(iterated), StringComparer.Ordinal), negated: false);
            own.ExceptWith(iterated);
            reads.UnionWith(own);
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
                Vars.Collect(term, reads);
                break;
            case ArrayTerm array:
                // As values, composite terms read their variables, except those that refs inside them iterate over (as
                // OPA pulls such refs out into expressions of their own); as unification patterns they bind them,
                // which the unification case handles before asking this.
                foreach (var item in array.Items)
                {
                    TermReads(item, reads);
                }

                break;
            case SetTerm set:
                foreach (var item in set.Items)
                {
                    TermReads(item, reads);
                }

                break;
            case ObjectTerm obj:
                foreach (var item in obj.Items)
                {
                    TermReads(item.Key, reads);
                    TermReads(item.Value, reads);
                }

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

    /// <summary>Variables that refs (outside closures and template strings) iterate over, once their heads are known.</summary>
    private static void IteratedVars(Term term, ISet<string> safe, HashSet<string> into) =>
        TermRewriter.Term(TermRewriter.Term(term, WithoutClosures), t =>
        {
            if (t is RefTerm reference && HeadKnown(reference, safe))
            {
                foreach (var item in reference.Path)
                {
                    PatternVars(item, into);
                }
            }

            return t;
        });

    private static Term WithoutClosures(Term term) =>
        term is TemplateStringTerm ? new ScalarTerm(Values.NullValue.Instance, term.Location) : WithoutComprehension(term);

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
