using Palisade.Rego.Ast;
using Palisade.Rego.Errors;

namespace Palisade.Rego.Compilation;

/// <summary>
/// The checks OPA's compiler adds in strict mode (<c>WithStrict</c>, <c>opa check --strict</c>): unused and duplicate
/// imports, local assignments never used, and calls to deprecated builtins. Each runs at the point of compilation where
/// OPA runs it, and, as in OPA, compilation stops after the first check that finds errors. Unused function arguments
/// are not errors in OPA 1.x.
/// </summary>
internal static class StrictChecks
{
    private static readonly HashSet<string> DeprecatedBuiltins = new(StringComparer.Ordinal)
    {
        "any", "all", "re_match", "net.cidr_overlap", "set_diff",
        "cast_array", "cast_set", "cast_string", "cast_boolean", "cast_null", "cast_object",
    };

    /// <summary>The checks OPA runs before compiling rules: imports, then local assignments.</summary>
    public static void CheckBeforeCompile(IReadOnlyList<Module> modules)
    {
        CompileErrors.ThrowIfAny(modules.SelectMany(UnusedImports));
        CompileErrors.ThrowIfAny(modules.SelectMany(DuplicateImports));
        CompileErrors.ThrowIfAny(modules.SelectMany(m => m.Rules).SelectMany(UnusedAssignments));
    }

    /// <summary>The check OPA runs after the type check.</summary>
    public static void CheckAfterTypes(IReadOnlyList<Module> modules) =>
        CompileErrors.ThrowIfAny(modules.SelectMany(m => m.Rules).SelectMany(RuleAndElses).SelectMany(r => DeprecatedCalls(r.Body)));

    private static IEnumerable<RegoException> UnusedImports(Module module)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in module.Rules.SelectMany(RuleAndElses))
        {
            CollectNames(rule, names);
        }

        return module.Imports
            .Where(i => i.Path.HeadName is "data" or "input" && !names.Contains(ImportName(i)))
            .Select(i => new RegoException(ErrorCodes.CompileError, $"{RegoPrinter.Print(i)} unused", i.Location));
    }

    private static IEnumerable<RegoException> DuplicateImports(Module module)
    {
        var seen = new Dictionary<string, Import>(StringComparer.Ordinal);
        foreach (var import in module.Imports.Where(i => i.Path.HeadName is "data" or "input"))
        {
            var name = ImportName(import);
            if (seen.TryGetValue(name, out var earlier))
            {
                yield return new RegoException(ErrorCodes.CompileError, $"import must not shadow {RegoPrinter.Print(earlier)}", import.Location);
            }
            else
            {
                seen[name] = import;
            }
        }
    }

    /// <summary>
    /// Variables assigned with <c>:=</c> in a body and never mentioned again, in that body, a body nested in it, or the
    /// rule's head (for a comprehension: its head).
    /// </summary>
    private static IEnumerable<RegoException> UnusedAssignments(Rule rule)
    {
        foreach (var each in RuleAndElses(rule))
        {
            var head = new List<Term>();
            head.AddRange(rule.Head.Arguments ?? []);
            head.AddRange(each.Head.Reference.Path);
            head.AddRange(new[] { each.Head.Key, each.Head.Value }.OfType<Term>());
            var nested = head.SelectMany(term => NestedBodies(new Body([new Expr(term, false, [], term.Location)], term.Location)));
            foreach (var error in nested.SelectMany(n => UnusedAssignments(n.Body, n.Heads)).Concat(UnusedAssignments(each.Body, head)))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<RegoException> UnusedAssignments(Body body, IEnumerable<Term> usedBy)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in usedBy)
        {
            Vars.Collect(term, used);
        }

        var counts = CountVars(body);
        foreach (var expr in body.Expressions)
        {
            if (expr.Content is CallTerm { Name: Operators.Assign } assign)
            {
                var assigned = new HashSet<string>(StringComparer.Ordinal);
                Vars.Collect(assign.Arguments[0], assigned);
                foreach (var name in assigned.Order(StringComparer.Ordinal).Where(n => counts.GetValueOrDefault(n) <= 1 && !used.Contains(n)))
                {
                    yield return new RegoException(ErrorCodes.CompileError, $"assigned var {name} unused", expr.Location);
                }
            }
        }

        foreach (var (nested, heads) in NestedBodies(body))
        {
            foreach (var error in UnusedAssignments(nested, heads))
            {
                yield return error;
            }
        }
    }

    /// <summary>How often each variable name occurs in a body, nested bodies included.</summary>
    private static Dictionary<string, int> CountVars(Body body)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        TermRewriter.Body(body, term =>
        {
            if (term is VarTerm { IsWildcard: false } v)
            {
                counts[v.Name] = counts.GetValueOrDefault(v.Name) + 1;
            }

            return term;
        });
        return counts;
    }

    /// <summary>The comprehension and <c>every</c> bodies directly inside a body, each with the terms that use its vars.</summary>
    private static List<(Body Body, Term[] Heads)> NestedBodies(Body body)
    {
        var nested = new List<(Body, Term[])>();
        foreach (var expr in body.Expressions)
        {
            if (expr.Content is Every every)
            {
                nested.Add((every.Body, []));
            }

            TermRewriter.Expr(expr, term =>
            {
                switch (term)
                {
                    case ArrayComprehension c:
                        nested.Add((c.Body, [c.Head]));
                        break;
                    case SetComprehension c:
                        nested.Add((c.Body, [c.Head]));
                        break;
                    case ObjectComprehension c:
                        nested.Add((c.Body, [c.Key, c.Value]));
                        break;
                }

                return term;
            });
        }

        return nested;
    }

    private static IEnumerable<RegoException> DeprecatedCalls(Body body)
    {
        foreach (var expr in body.Expressions)
        {
            var calls = new List<string>();
            TermRewriter.Expr(expr, term =>
            {
                if (term is CallTerm call && DeprecatedBuiltins.Contains(call.Name))
                {
                    calls.Add(call.Name);
                }

                return term;
            });
            if (calls.Count > 0)
            {
                yield return new RegoException(ErrorCodes.TypeError, $"deprecated built-in function calls in expression: {string.Join(", ", calls)}", expr.Location);
            }
        }
    }

    private static void CollectNames(Rule rule, HashSet<string> names)
    {
        Term Collect(Term term)
        {
            if (term is VarTerm v)
            {
                names.Add(v.Name);
            }

            return term;
        }

        TermRewriter.Body(rule.Body, Collect);
        TermRewriter.Term(rule.Head.Reference, Collect);
        TermRewriter.List([.. rule.Head.Arguments ?? [], .. new[] { rule.Head.Key, rule.Head.Value }.OfType<Term>()], Collect);
    }

    private static IEnumerable<Rule> RuleAndElses(Rule rule)
    {
        for (var r = rule; r is not null; r = r.Else)
        {
            yield return r;
        }
    }

    private static string ImportName(Import import) =>
        import.Alias ?? (import.Path.Path.Count == 0 ? import.Path.HeadName ?? string.Empty
            : import.Path.Path[^1] is ScalarTerm { Value: Values.StringValue s } ? s.Value : string.Empty);
}
