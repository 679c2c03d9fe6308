using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Turns the names a rule uses into what they mean: <c>input</c>, <c>data</c>, imports, rules of the rule's own
/// package (as refs under data) and builtins; every other name is a variable local to the rule.
/// </summary>
internal sealed class NameResolver
{
    private readonly IReadOnlyList<string> _package;
    private readonly IReadOnlySet<string> _packageRules;
    private readonly IReadOnlyDictionary<string, RefTerm> _imports;
    private readonly BuiltinRegistry _builtins;
    private readonly IReadOnlySet<string> _locals;
    private readonly List<RegoException> _undefinedFunctions = [];

    public NameResolver(IReadOnlyList<string> package, IReadOnlySet<string> packageRules, IReadOnlyDictionary<string, RefTerm> imports, BuiltinRegistry builtins, IReadOnlySet<string> locals)
    {
        _package = package;
        _packageRules = packageRules;
        _imports = imports;
        _builtins = builtins;
        _locals = locals;
    }

    /// <summary>Names a rule declares for itself: function arguments, <c>:=</c> targets, <c>some</c> and <c>every</c> variables.</summary>
    public static HashSet<string> DeclaredLocals(Rule rule)
    {
        var locals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in rule.Head.Arguments ?? [])
        {
            Vars.Collect(argument, locals);
        }

        for (var r = rule; r is not null; r = r.Else)
        {
            Vars.CollectDeclared(r.Body, locals);
        }

        return locals;
    }

    public Term Resolve(Term term) => TermRewriter.Term(term, Map);

    public Body Resolve(Body body) => TermRewriter.Body(body, Map);

    private Term Map(Term term) => term switch
    {
        VarTerm v => (Term?)Global(v.Name, v.Location) ?? v,
        // The head was resolved first (bottom-up): a global name became a ref, which the path now extends.
        RefTerm { Head: RefTerm resolved } r => resolved with { Path = [.. resolved.Path, .. r.Path], Location = r.Location },
        CallTerm c => ResolveCall(c),
        _ => term,
    };

    private RefTerm? Global(string name, Location location)
    {
        if (_locals.Contains(name) || name == "_")
        {
            return null;
        }

        if (name is "input" or "data")
        {
            return new RefTerm(new VarTerm(name, location), [], location);
        }

        if (_imports.TryGetValue(name, out var imported))
        {
            return imported with { Location = location };
        }

        if (_packageRules.Contains(name))
        {
            return DataRef([.. _package, name], location);
        }

        return null;
    }

    private CallTerm ResolveCall(CallTerm call)
    {
        // The operator was rewritten already when its head named a package rule or an import.
        if (call.Operator.Head is VarTerm { Name: "data" or "input" })
        {
            return call;
        }

        var name = call.Operator.DottedName();
        if (name is not null && (IsEvaluatorBuiltin(name) || _builtins.TryGet(name, out _)))
        {
            return call;
        }

        // Every unknown function is reported, as OPA reports them, so the call stays as written for now.
        _undefinedFunctions.Add(new RegoException(ErrorCodes.TypeError, $"undefined function {name ?? call.Operator.ToString()}", call.Location));
        return call;
    }

    /// <summary>Throws the calls of unknown functions met so far, all in one error, if there were any.</summary>
    public void ThrowUndefinedFunctions() => ThrowAll(_undefinedFunctions);

    /// <summary>Throws the given errors as one (the first, carrying them all), if there are any.</summary>
    public static void ThrowAll(IReadOnlyList<RegoException> errors)
    {
        if (errors.Count > 0)
        {
            var first = errors[0];
            throw new RegoException(first.Code, first.Message, first.Location) { All = errors };
        }
    }

    public IReadOnlyList<RegoException> UndefinedFunctions => _undefinedFunctions;

    /// <summary>Calls the evaluator itself answers: unification, assignment, membership and print.</summary>
    public static bool IsEvaluatorBuiltin(string name) =>
        name is Operators.Unify or Operators.Assign or Operators.Member or Operators.MemberWithKey or "print" or "internal.print";

    public static RefTerm DataRef(IEnumerable<string> path, Location location) =>
        new(new VarTerm("data", location), path.Select(p => (Term)new ScalarTerm(StringValue.Of(p), location)).ToArray(), location);
}
