using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Types;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Types one body's expressions in order (the order safety gave them), as OPA's checker does: refs are checked first,
/// then the expression's call or unification, binding variables that have no type yet to the type they must have.
/// </summary>
internal sealed class BodyTyper(TypeChecker checker, TypeScope scope, BodyTyper? outer = null)
{
    // The types of refs, calls and comprehensions, worked out once each (they may bind variables and report errors).
    private readonly Dictionary<Term, RegoType?> _computed = new(ReferenceEqualityComparer.Instance);
    private readonly BodyTyper? _outer = outer;
    private int _errors;

    /// <summary>Checks a rule's body and head; its value type, or <c>any</c> when the rule has a type error.</summary>
    public RegoType CheckRule(CompiledRule rule)
    {
        foreach (var argument in rule.Arguments ?? [])
        {
            Declare(argument);
        }

        CheckBody(rule.Body);
        foreach (var term in rule.KeyPath.Append(rule.Key).Append(rule.Value))
        {
            if (term is not null)
            {
                Prepare(term);
            }
        }

        if (_errors > 0)
        {
            return RegoType.Any;
        }

        return rule.Shape switch
        {
            RuleShape.Complete => rule.Value is null ? RegoType.Boolean : TypeOf(rule.Value) ?? RegoType.Any,
            RuleShape.MultiValue => RegoType.SetOf(rule.Key is null ? RegoType.Any : TypeOf(rule.Key) ?? RegoType.Any),
            _ => RegoType.Any,
        };
    }

    public void CheckBody(Body body)
    {
        foreach (var expr in body.Expressions)
        {
            CheckExpr(expr);
        }
    }

    private void CheckExpr(Expr expr)
    {
        switch (expr.Content)
        {
            case SomeDecl some:
                CheckSome(some);
                break;
            case Every every:
                CheckEvery(every);
                break;
            case CallTerm call:
                foreach (var argument in call.Arguments)
                {
                    Prepare(argument);
                }

                CheckCall(call, nested: false, expr.Location);
                break;
            case Term term:
                Prepare(term);
                break;
        }

        foreach (var with in expr.With)
        {
            Prepare(with.Value);
        }
    }

    private void CheckSome(SomeDecl some)
    {
        foreach (var symbol in some.Symbols)
        {
            if (symbol is CallTerm member && member.Arguments.Count > 0)
            {
                Prepare(member.Arguments[^1]);
                foreach (var bound in member.Arguments.Take(member.Arguments.Count - 1))
                {
                    Declare(bound);
                    Unify1(bound, RegoType.Any, union: false);
                }
            }
            else
            {
                Declare(symbol);
            }
        }
    }

    private void CheckEvery(Every every)
    {
        Prepare(every.Domain);
        var inner = Inner(every.Body);
        foreach (var bound in new[] { every.Key, every.Value }.OfType<Term>())
        {
            inner.Declare(bound);
            inner.Unify1(bound, RegoType.Any, union: false);
        }

        inner.CheckBody(every.Body);
    }

    /// <summary>Works out (once) the types of the refs, calls and comprehensions in a term.</summary>
    private void Prepare(Term term)
    {
        if (_computed.ContainsKey(term))
        {
            return;
        }

        switch (term)
        {
            case ArrayTerm a:
                a.Items.ToList().ForEach(Prepare);
                break;
            case SetTerm s:
                s.Items.ToList().ForEach(Prepare);
                break;
            case ObjectTerm o:
                foreach (var item in o.Items)
                {
                    Prepare(item.Key);
                    Prepare(item.Value);
                }

                break;
            case RefTerm r:
                if (r.Head is not VarTerm)
                {
                    Prepare(r.Head);
                }

                r.Path.ToList().ForEach(Prepare);
                _computed[r] = RefType(r);
                break;
            case CallTerm c:
                c.Arguments.ToList().ForEach(Prepare);
                _computed[c] = CheckCall(c, nested: true, c.Location);
                break;
            case ArrayComprehension c:
                _computed[c] = RegoType.ArrayOf(Comprehension(c.Body, c.Head)[0]);
                break;
            case SetComprehension c:
                _computed[c] = RegoType.SetOf(Comprehension(c.Body, c.Head)[0]);
                break;
            case ObjectComprehension c:
                var types = Comprehension(c.Body, c.Key, c.Value);
                _computed[c] = RegoType.ObjectOf(types[0], types[1]);
                break;
            case TemplateStringTerm t:
                var embedded = Inner(new Body([], t.Location));
                foreach (var part in t.Parts)
                {
                    if (part.Expression is not null)
                    {
                        embedded.CheckExpr(part.Expression);
                    }
                }

                _computed[t] = RegoType.String;
                break;
        }
    }

    private RegoType[] Comprehension(Body body, params Term[] heads)
    {
        var inner = Inner(body);
        inner.CheckBody(body);
        return heads.Select(h =>
        {
            inner.Prepare(h);
            return inner.TypeOf(h) ?? RegoType.Any;
        }).ToArray();
    }

    /// <summary>A typer for a nested body: a new scope in which the body's own declarations shadow outer variables.</summary>
    private BodyTyper Inner(Body body)
    {
        var innerScope = new TypeScope(scope);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        Vars.CollectDeclared(body, declared);
        foreach (var name in declared)
        {
            innerScope.Declare(name);
        }

        return new BodyTyper(checker, innerScope, this);
    }

    private void Declare(Term term)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Vars.Collect(term, names);
        foreach (var name in names)
        {
            scope.Declare(name);
        }
    }

    private RegoType? TypeOf(Term term) => term switch
    {
        ScalarTerm s => TypeAlgebra.Of(s.Value),
        VarTerm { IsWildcard: true } => null,
        VarTerm v => Vars.IsRoot(v.Name) ? RegoType.Any : scope.Lookup(v.Name),
        ArrayTerm a => Elements(a.Items) is { } e ? RegoType.ArrayOf(e) : null,
        SetTerm s => Elements(s.Items) is { } e ? RegoType.SetOf(e) : null,
        ObjectTerm o => Elements(o.Items.Select(i => i.Key).ToList()) is { } k && Elements(o.Items.Select(i => i.Value).ToList()) is { } v
            ? RegoType.ObjectOf(k, v)
            : null,
        _ => _computed.GetValueOrDefault(term),
    };

    /// <summary>The union of the elements' types; null when one is not known yet (OPA's nil).</summary>
    private RegoType? Elements(IReadOnlyList<Term> items)
    {
        var types = items.Select(TypeOf).ToList();
        return types.Any(t => t is null) ? null : TypeAlgebra.Union(types!);
    }

    private RegoType? RefType(RefTerm reference)
    {
        RegoType type;
        var start = 0;
        switch (reference.Head)
        {
            case VarTerm { Name: "data" }:
                (type, start) = checker.DataType(reference.Path);
                break;
            case VarTerm { Name: "input" } or VarTerm { IsWildcard: true }:
                type = RegoType.Any;
                break;
            case VarTerm v:
                type = scope.Lookup(v.Name) ?? RegoType.Any;
                break;
            default:
                type = TypeOf(reference.Head) ?? RegoType.Any;
                break;
        }

        for (var i = start; i < reference.Path.Count; i++)
        {
            var position = i + 1;
            var keys = TypeAlgebra.Keys(type);
            if (keys is null)
            {
                return Fail(TypeErrors.UnsupportedRef(reference, position - 1, type));
            }

            var key = reference.Path[i];
            if (key is ScalarTerm constant)
            {
                if (TypeAlgebra.Select(type, constant.Value) is not { } selected)
                {
                    return Fail(TypeErrors.InvalidRefKey(reference, position, null, keys));
                }

                type = selected;
                continue;
            }

            if (key is VarTerm { IsWildcard: false } variable && scope.Lookup(variable.Name) is null)
            {
                scope.Bind(variable.Name, keys);
            }
            else if (TypeOf(key) is { } have && !TypeAlgebra.Unifies(have, keys))
            {
                return Fail(TypeErrors.InvalidRefKey(reference, position, have, keys));
            }

            type = TypeAlgebra.Values(type) ?? RegoType.Any;
        }

        return type;
    }

    /// <summary>Checks a call; the type of its result when nested, boolean when it is the whole expression.</summary>
    private RegoType? CheckCall(CallTerm call, bool nested, Location location)
    {
        var arguments = call.Arguments;
        switch (call.Name)
        {
            case Operators.Assign or Operators.Unify when arguments.Count == 2:
                var left = TypeOf(arguments[0]);
                var right = TypeOf(arguments[1]);
                if (!Unify2(arguments[0], left, arguments[1], right))
                {
                    Report(TypeErrors.MatchError(left, right, location));
                }

                return RegoType.Boolean;
        }

        if (call.Operator.HeadName == "data" || !checker.Builtins.TryGet(call.Name, out var builtin)
            || arguments.Count < builtin.Arity || arguments.Count > builtin.Arity + 1)
        {
            // User functions, the evaluator's own operators (member, print) and calls with the wrong number of
            // arguments (reported elsewhere): their arguments may be anything.
            foreach (var argument in arguments)
            {
                Unify1(argument, RegoType.Any, union: false);
            }

            return RegoType.Any;
        }

        var signature = builtin.Signature;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!Unify1(arguments[i], i < builtin.Arity ? signature.Arguments[i] : signature.Result, union: false))
            {
                var have = arguments.Select(TypeOf).ToList();
                if (nested)
                {
                    have.Add(null); // OPA sees a nested call as a call with an output variable, not typed yet
                }

                Report(TypeErrors.InvalidArguments(call.Name, have, signature.Arguments.Append(signature.Result), location));
                return null;
            }
        }

        return nested ? signature.Result : RegoType.Boolean;
    }

    /// <summary>OPA's unify2: two terms unified with each other.</summary>
    private bool Unify2(Term a, RegoType? typeA, Term b, RegoType? typeB)
    {
        if (typeA is null && typeB is not null)
        {
            return Unify1(a, typeB, union: false);
        }

        if (typeB is null && typeA is not null)
        {
            return Unify1(b, typeA, union: false);
        }

        if (typeA is not null && typeB is not null)
        {
            return TypeAlgebra.Unifies(typeA, typeB);
        }

        return (a, b) switch
        {
            (ArrayTerm x, ArrayTerm y) => x.Items.Count != y.Items.Count
                || x.Items.Zip(y.Items).All(p => Unify2(p.First, TypeOf(p.First), p.Second, TypeOf(p.Second))),
            (VarTerm or ArrayTerm or ObjectTerm, VarTerm or ArrayTerm or ObjectTerm) => Unify1(a, RegoType.Any, union: false) && Unify1(b, TypeOf(a) ?? RegoType.Any, union: false),
            _ => true, // both unknown: nothing to check
        };
    }

    /// <summary>OPA's unify1: a term unified with a value of a type, binding the variables in it that have no type yet.</summary>
    private bool Unify1(Term term, RegoType type, bool union)
    {
        switch (term)
        {
            case ArrayTerm a:
                return Collection(term, type, a.Items, t => t is ArrayType array ? array.Element : null);
            case SetTerm s:
                return Collection(term, type, s.Items, t => t is SetType set ? set.Element : null);
            case ObjectTerm o:
                if (type is ObjectType objectType)
                {
                    return o.Items.All(item => item.Key is ScalarTerm key
                        ? TypeAlgebra.Contains(objectType.Key, TypeAlgebra.Of(key.Value)) && Unify1(item.Value, objectType.Value, union)
                        : Unify1(item.Value, RegoType.Any, union) || true);
                }

                return UnifyWithUnion(term, type, o.Items.SelectMany(i => new[] { i.Key, i.Value }).ToList());
            case VarTerm { IsWildcard: true }:
                return true;
            case VarTerm v when !Vars.IsRoot(v.Name):
                if (!union && scope.Lookup(v.Name) is { } existing)
                {
                    return TypeAlgebra.Unifies(existing, type);
                }

                scope.Bind(v.Name, union ? TypeAlgebra.Or(scope.Lookup(v.Name), type) : type);
                return true;
            default:
                return TypeOf(term) is not { } known || TypeAlgebra.Unifies(known, type);
        }
    }

    private bool Collection(Term term, RegoType type, IReadOnlyList<Term> items, Func<RegoType, RegoType?> element)
    {
        if (element(type) is { } elementType)
        {
            return items.All(item => Unify1(item, elementType, union: false));
        }

        return UnifyWithUnion(term, type, items);
    }

    /// <summary>A collection literal unified with <c>any</c> (its parts become <c>any</c>) or with a union of types.</summary>
    private bool UnifyWithUnion(Term term, RegoType type, IReadOnlyList<Term> parts)
    {
        if (type is not AnyOfType union)
        {
            return false;
        }

        if (union.IsAny)
        {
            foreach (var part in parts)
            {
                Unify1(part, RegoType.Any, union: true);
            }

            return true;
        }

        var unifies = false;
        foreach (var member in union.Members)
        {
            unifies = Unify1(term, member, union: true) || unifies;
        }

        return unifies;
    }

    private RegoType? Fail(RegoException error)
    {
        Report(error);
        return null;
    }

    private void Report(RegoException error)
    {
        for (var typer = this; typer is not null; typer = typer._outer)
        {
            typer._errors++;
        }

        checker.Report(error);
    }
}
