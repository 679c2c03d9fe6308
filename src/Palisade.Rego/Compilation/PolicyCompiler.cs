using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>Modules compiled together: the tree of rules under data, and the builtins they may call.</summary>
/// <param name="FunctionArities">Each user function's number of arguments, by its dotted path under data.</param>
/// <param name="RuleTypes">Each rule's inferred value type, found by the policy's type check and reused by its queries'.</param>
internal sealed record CompiledPolicy(RuleTree Root, BuiltinRegistry Builtins, IReadOnlyDictionary<string, int> FunctionArities, RuleTypes RuleTypes)
{
    /// <summary>How many arguments a called function takes, when it is known; one more argument is its output.</summary>
    public int? ArityOf(CallTerm call) => PolicyCompiler.ArityOf(call, FunctionArities, Builtins);
}

/// <summary>Compiles parsed modules: resolves names, orders bodies for safety, and files every rule under its path.</summary>
internal static class PolicyCompiler
{
    /// <param name="strict">OPA's strict mode: also reject unused and duplicate imports, unused assignments, deprecated builtins.</param>
    public static CompiledPolicy Compile(IReadOnlyList<Module> modules, BuiltinRegistry builtins, bool strict = false)
    {
        if (strict)
        {
            StrictChecks.CheckBeforeCompile(modules);
        }

        var root = new RuleTree(null, null);
        var annotations = AnnotationSet.Build(modules);
        var functionArities = FunctionArities(modules);
        int? ArityOf(CallTerm call) => PolicyCompiler.ArityOf(call, functionArities, builtins);
        var packageRules = modules
            .GroupBy(m => string.Join('.', PackagePath(m)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.SelectMany(m => m.Rules).Select(r => r.Head.Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var undefinedFunctions = new List<RegoException>();
        foreach (var module in modules)
        {
            var package = PackagePath(module);
            var imports = Imports(module);
            var packageNode = root;
            foreach (var segment in package)
            {
                packageNode = packageNode.Child(segment);
            }

            packageNode.IsPackage = true;
            var packagePath = AnnotationSet.PackagePath(module);
            Rule RewriteMetadataCalls(Rule r) => MetadataCalls.Rewrite(r, () => annotations.Chain(r, packagePath), () => AnnotationSet.RuleMetadata(r));
            foreach (var rule in module.Rules)
            {
                var locals = NameResolver.DeclaredLocals(rule);
                var resolver = new NameResolver(package, packageRules[string.Join('.', package)], imports, builtins, locals);
                CompiledRule compiled;
                try
                {
                    compiled = CompileRule(rule, package, resolver, ArityOf, RewriteMetadataCalls);
                }
                catch (RegoException) when (resolver.UndefinedFunctions.Count > 0)
                {
                    // Later stages may trip over the unknown call; the unknown function is the error to report.
                    compiled = null!;
                }

                if (resolver.UndefinedFunctions.Count > 0)
                {
                    undefinedFunctions.AddRange(resolver.UndefinedFunctions);
                    continue;
                }

                var node = root;
                foreach (var segment in compiled.Path)
                {
                    node = node.Child(segment);
                }

                (compiled.IsDefault ? node.Defaults : node.Rules).Add(compiled);
            }
        }

        NameResolver.ThrowAll(undefinedFunctions);
        RuleConflicts.Check(root, modules);
        RecursionCheck.Check(root);
        var ruleTypes = TypeChecker.CheckPolicy(root, builtins);
        if (strict)
        {
            StrictChecks.CheckAfterTypes(modules);
        }

        BuildIndexes(root);
        return new CompiledPolicy(root, builtins, functionArities, ruleTypes);
    }

    private static void BuildIndexes(RuleTree node)
    {
        node.Index = RuleIndex.Build(node.Rules);
        foreach (var child in node.Children.Values)
        {
            BuildIndexes(child);
        }
    }

    /// <summary>Compiles a query: its names resolve like a rule's in no package, and all its variables are its own.</summary>
    public static Body CompileQuery(Body query, CompiledPolicy policy)
    {
        var builtins = policy.Builtins;
        var locals = new HashSet<string>(StringComparer.Ordinal);
        Vars.Collect(query, locals);
        locals.Remove("input");
        locals.Remove("data");
        var resolver = new NameResolver([], new HashSet<string>(), new Dictionary<string, RefTerm>(), builtins, locals);
        var resolved = resolver.Resolve(query);
        resolver.ThrowUndefinedFunctions();
        var ordered = SafetyOrder.Order(resolved, new HashSet<string>(StringComparer.Ordinal), policy.ArityOf);
        TypeChecker.CheckQuery(ordered, policy.Root, builtins, policy.RuleTypes);
        return ordered;
    }

    private static IReadOnlyList<string> PackagePath(Module module) =>
        module.Package.Path.Path.Select(t => ((StringValue)((ScalarTerm)t).Value).Value).ToArray();

    private static Dictionary<string, RefTerm> Imports(Module module)
    {
        var imports = new Dictionary<string, RefTerm>(StringComparer.Ordinal);
        foreach (var import in module.Imports)
        {
            var root = import.Path.HeadName;
            if (root is not ("data" or "input"))
            {
                continue; // future.keywords and rego.v1 change the parser, not the meaning of names.
            }

            var name = import.Alias
                ?? (import.Path.Path.Count == 0 ? root : import.Path.Path[^1] is ScalarTerm { Value: StringValue s } ? s.Value : null);
            if (name is not null)
            {
                imports[name] = import.Path;
            }
        }

        return imports;
    }

    public static int? ArityOf(CallTerm call, IReadOnlyDictionary<string, int> functionArities, BuiltinRegistry builtins) =>
        call.Operator.HeadName == "data"
            ? functionArities.TryGetValue(string.Join('.', call.Operator.Path.Select(t => t is ScalarTerm { Value: StringValue s } ? s.Value : "?")), out var arity) ? arity : null
            : builtins.TryGet(call.Name, out var builtin) ? builtin.Arity : null;

    /// <summary>Each user function's number of arguments, by its path under data.</summary>
    private static Dictionary<string, int> FunctionArities(IReadOnlyList<Module> modules)
    {
        var arities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            foreach (var rule in module.Rules.Where(r => r.Head.Arguments is not null))
            {
                var path = PackagePath(module).Append(rule.Head.Name)
                    .Concat(rule.Head.Reference.Path.Select(t => t is ScalarTerm { Value: StringValue s } ? s.Value : "?"));
                arities[string.Join('.', path)] = rule.Head.Arguments!.Count;
            }
        }

        return arities;
    }

    private static CompiledRule CompileRule(Rule source, IReadOnlyList<string> package, NameResolver resolver, Func<CallTerm, int?> arityOf, Func<Rule, Rule> rewriteMetadataCalls)
    {
        var rule = rewriteMetadataCalls(source);
        var head = rule.Head;
        var path = new List<string>(package) { head.Name };
        var keyPath = new List<Term>();
        foreach (var term in head.Reference.Path)
        {
            if (keyPath.Count == 0 && term is ScalarTerm { Value: StringValue s })
            {
                path.Add(s.Value);
            }
            else
            {
                keyPath.Add(resolver.Resolve(term));
            }
        }

        var shape = head.Arguments is not null ? RuleShape.Function
            : head.Key is not null && head.Value is null ? RuleShape.MultiValue
            : keyPath.Count > 0 ? RuleShape.Entry
            : RuleShape.Complete;
        var arguments = head.Arguments?.Select(resolver.Resolve).ToArray();
        var resolvedBody = resolver.Resolve(rule.Body);
        if (arguments is not null)
        {
            resolvedBody = TemplateArguments(arguments, resolvedBody);
        }

        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments ?? [])
        {
            Vars.Collect(argument, bound);
        }

        var body = SafetyOrder.Order(resolvedBody, bound, arityOf);
        var key = head.Key is null ? null : resolver.Resolve(head.Key);
        var value = head.Value is null ? null : resolver.Resolve(head.Value);
        var elseRule = rule.Else is null ? null : CompileRule(rule.Else with { Head = rule.Else.Head with { Arguments = head.Arguments } }, package, resolver, arityOf, rewriteMetadataCalls);
        return new CompiledRule(rule, path, shape, keyPath, key, value, arguments, body, elseRule, rule.IsDefault);
    }

    /// <summary>
    /// A template string among a function's parameters is no pattern: as OPA does, the parameter becomes a variable
    /// of its own, compared with the template in the body, where the body's ordering puts it after what binds the
    /// template's variables.
    /// </summary>
    private static Body TemplateArguments(Term[] arguments, Body body)
    {
        var expressions = body.Expressions.ToList();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is TemplateStringTerm template)
            {
                // A name no Rego source can spell, so it meets no variable of the policy.
                var parameter = new VarTerm($"$arg{i}", template.Location);
                var compare = new CallTerm(Parsing.OperatorRefs.Get(Operators.Unify, template.Location), [parameter, template], template.Location);
                expressions.Add(new Expr(compare, Negated: false, [], template.Location));
                arguments[i] = parameter;
            }
        }

        return expressions.Count == body.Count ? body : body with { Expressions = expressions };
    }
}
