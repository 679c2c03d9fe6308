using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>
/// OPA's compile-time type check (ast/check.go): infers the types of local variables and rule values, and reports builtin
/// calls whose arguments cannot have the declared types, refs into values that have no such key, and unifications of
/// values of different types, all as <c>rego_type_error</c>. <c>input</c> and base <c>data</c> are <c>any</c>; whatever
/// is uncertain is <c>any</c> too, so a valid policy is never rejected.
/// </summary>
internal sealed class TypeChecker
{
    private readonly RuleTree _root;
    private readonly List<RegoException> _errors = [];
    private readonly Dictionary<CompiledRule, RegoType> _ruleTypes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<CompiledRule> _inProgress = new(ReferenceEqualityComparer.Instance);

    private TypeChecker(RuleTree root, BuiltinRegistry builtins)
    {
        _root = root;
        Builtins = builtins;
    }

    public BuiltinRegistry Builtins { get; }

    /// <summary>Checks every rule; throws the errors found, as OPA reports them.</summary>
    public static void CheckPolicy(RuleTree root, BuiltinRegistry builtins)
    {
        var checker = new TypeChecker(root, builtins);
        foreach (var rule in AllRules(root))
        {
            checker.RuleType(rule);
        }

        CompileErrors.ThrowIfAny(checker._errors);
    }

    /// <summary>Checks a query against the policy's rules.</summary>
    public static void CheckQuery(Body query, RuleTree root, BuiltinRegistry builtins)
    {
        var checker = new TypeChecker(root, builtins);
        new BodyTyper(checker, new TypeScope(null)).CheckBody(query);
        CompileErrors.ThrowIfAny(checker._errors);
    }

    public void Report(RegoException error) => _errors.Add(error);

    /// <summary>
    /// The type of the document a ref under data names, and how many of the ref's path terms that type accounts for:
    /// a rule's inferred type, or <c>any</c> for base documents, packages and ref-head rules.
    /// </summary>
    public (RegoType Type, int Consumed) DataType(IReadOnlyList<Term> path)
    {
        var node = _root;
        var consumed = 0;
        while (!node.HasRules)
        {
            if (consumed == path.Count || path[consumed] is not ScalarTerm { Value: StringValue segment }
                || !node.Children.TryGetValue(segment.Value, out var child))
            {
                return (RegoType.Any, consumed);
            }

            node = child;
            consumed++;
        }

        var rules = node.Rules.Concat(node.Defaults).ToList();
        if (node.Children.Count > 0 || rules.Any(r => r.KeyPath.Count > 0 || r.Shape is RuleShape.Entry or RuleShape.Function))
        {
            return (RegoType.Any, consumed);
        }

        return (rules.Select(RuleType).Aggregate((RegoType?)null, TypeAlgebra.Or) ?? RegoType.Any, consumed);
    }

    /// <summary>A rule's value type (a set of its keys for a multi-value rule), checking its body on first use.</summary>
    private RegoType RuleType(CompiledRule rule)
    {
        if (_ruleTypes.TryGetValue(rule, out var known))
        {
            return known;
        }

        if (!_inProgress.Add(rule))
        {
            return RegoType.Any; // recursion is reported elsewhere; a rule's type cannot depend on itself
        }

        var typer = new BodyTyper(this, new TypeScope(null));
        var type = typer.CheckRule(rule);
        if (rule.Else is not null)
        {
            type = TypeAlgebra.Or(type, RuleType(rule.Else)) ?? RegoType.Any;
        }

        _inProgress.Remove(rule);
        _ruleTypes[rule] = type;
        return type;
    }

    private static IEnumerable<CompiledRule> AllRules(RuleTree node) =>
        node.Rules.Concat(node.Defaults).Concat(node.Children.Values.SelectMany(AllRules));
}
