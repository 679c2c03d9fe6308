using System.Runtime.CompilerServices;
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
    private readonly RuleTypes _ruleTypes;
    private readonly HashSet<CompiledRule> _inProgress = new(ReferenceEqualityComparer.Instance);

    private TypeChecker(RuleTree root, BuiltinRegistry builtins, RuleTypes ruleTypes)
    {
        _root = root;
        Builtins = builtins;
        _ruleTypes = ruleTypes;
    }

    public BuiltinRegistry Builtins { get; }

    /// <summary>Checks every rule; throws the errors found, as OPA reports them. The rules' types, for the policy's queries.</summary>
    public static RuleTypes CheckPolicy(RuleTree root, BuiltinRegistry builtins)
    {
        var checker = new TypeChecker(root, builtins, new RuleTypes());
        foreach (var rule in AllRules(root))
        {
            checker.RuleType(rule);
        }

        CompileErrors.ThrowIfAny(checker._errors);
        return checker._ruleTypes;
    }

    /// <summary>Checks a query against the policy's rules, whose types the policy's check found.</summary>
    public static void CheckQuery(Body query, RuleTree root, BuiltinRegistry builtins, RuleTypes policyTypes)
    {
        var checker = new TypeChecker(root, builtins, new RuleTypes(policyTypes));
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

        // Typing a rule types the rules it reads first, so a long enough chain of rules would overflow the stack.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new RegoException(ErrorCodes.CompileError, "rules depend on rules too deeply to be checked", rule.Location);
        }

        var typer = new BodyTyper(this, new TypeScope(null));
        var type = typer.CheckRule(rule);
        if (rule.Else is not null)
        {
            type = TypeAlgebra.Or(type, RuleType(rule.Else)) ?? RegoType.Any;
        }

        _inProgress.Remove(rule);
        _ruleTypes.Add(rule, type);
        return type;
    }

    private static IEnumerable<CompiledRule> AllRules(RuleTree node) =>
        node.Rules.Concat(node.Defaults).Concat(node.Children.Values.SelectMany(AllRules));
}
